import datetime as dt
from decimal import Decimal

import factory

from quartier.monitoring.models import Area, Indicator, Level, Value
from quartier.quarters.tests.factories import square


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"gebiet-{n}")
    name = factory.Sequence(lambda n: f"Gebiet {n}")
    level = Level.DISTRICT
    boundary = factory.Sequence(lambda n: square(8.0 + (n % 10) * 0.01, 52.25))


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"indikator-{n}")
    name = factory.Sequence(lambda n: f"Indikator {n}")
    theme = Indicator.Theme.SOCIAL
    definition = "Anteil der Testfälle an allen Einwohner*innen."
    unit = Indicator.Unit.PERCENT
    direction = Indicator.Direction.LOWER_IS_BETTER
    source = "Testamt für Statistik"


class ValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Value

    area = factory.SubFactory(AreaFactory)
    indicator = factory.SubFactory(IndicatorFactory)
    date = dt.date(2023, 12, 31)
    value = Decimal("10.0")
