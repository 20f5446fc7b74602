import factory
from django.contrib.auth.models import Group

from quartier.quarters.models import Office, Quarter


def square(lon: float, lat: float, size: float = 0.01) -> dict:
    """A counter-clockwise square polygon, as RFC 7946 wants it."""
    return {
        "type": "Polygon",
        "coordinates": [
            [
                [lon, lat],
                [lon + size, lat],
                [lon + size, lat + size],
                [lon, lat + size],
                [lon, lat],
            ]
        ],
    }


class QuarterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quarter
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Testquartier {n}")
    short_name = factory.Sequence(lambda n: f"Test {n}")
    slug = factory.Sequence(lambda n: f"testquartier-{n}")
    kind = Quarter.Kind.STADTQUARTIER
    boundary = factory.Sequence(lambda n: square(8.0 + n * 0.02, 52.25))
    team = factory.LazyAttribute(
        lambda q: Group.objects.create(name=f"Quartiersteam {q.short_name}")
    )


class OfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Office

    quarter = factory.SubFactory(QuarterFactory)
    name = factory.Sequence(lambda n: f"Quartiersbüro {n}")
    street = "Musterweg 1"
    postcode = "49074"
    longitude = factory.LazyAttribute(
        lambda o: o.quarter.shape.representative_point().x
    )
    latitude = factory.LazyAttribute(lambda o: o.quarter.shape.representative_point().y)
