import datetime as dt
import time
from decimal import Decimal

import factory
from django.utils import timezone

from quartier.accounts.tests.factories import UserFactory
from quartier.community.models import (
    HelpPost,
    Language,
    Membership,
    Opportunity,
    Organisation,
    OrganisationHours,
    TargetGroup,
    Vacancy,
)
from quartier.community.spam import form_token
from quartier.quarters.tests.factories import QuarterFactory


def old_token(seconds: int = 30) -> str:
    """A form token as if the form was rendered `seconds` ago: passes the time trap."""
    return form_token(time.time() - seconds)


def centre(quarter) -> tuple[float, float]:
    point = quarter.shape.representative_point()
    return point.x, point.y


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Verein {n}")
    slug = factory.Sequence(lambda n: f"verein-{n}")
    kind = Organisation.Kind.CLUB
    street = "Musterweg 1"
    postcode = "49084"
    contact_email = factory.Sequence(lambda n: f"verein{n}@example.org")

    @factory.post_generation
    def quarters(org, create, extracted, **kwargs):
        if create:
            for quarter in extracted or [QuarterFactory()]:
                org.quarters.add(quarter)
            first = org.quarters.first()
            org.longitude, org.latitude = centre(first)
            org.save(update_fields=["longitude", "latitude"])

    @factory.post_generation
    def languages(org, create, extracted, **kwargs):
        if create and extracted:
            org.languages.set(Language.objects.filter(code__in=extracted))

    @factory.post_generation
    def target_groups(org, create, extracted, **kwargs):
        if create and extracted:
            org.target_groups.set(TargetGroup.objects.filter(slug__in=extracted))


class BusinessFactory(OrganisationFactory):
    name = factory.Sequence(lambda n: f"Laden {n}")
    slug = factory.Sequence(lambda n: f"laden-{n}")
    kind = Organisation.Kind.BUSINESS
    business_category = Organisation.BusinessCategory.SHOP

    @factory.post_generation
    def hours(org, create, extracted, **kwargs):
        if create:
            for weekday in range(5):
                OrganisationHours.objects.create(
                    organisation=org,
                    weekday=weekday,
                    opens=dt.time(9),
                    closes=dt.time(18),
                )


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)
    verified_at = factory.LazyFunction(timezone.now)
    message = "Ich bin im Vorstand."


class OpportunityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Opportunity

    organisation = factory.SubFactory(OrganisationFactory)
    quarter = factory.LazyAttribute(lambda o: o.organisation.quarters.first())
    title = factory.Sequence(lambda n: f"Aufgabe {n}")
    description = "Wir suchen Unterstützung."
    commitment = Opportunity.Commitment.REGULAR
    time_needed = "zwei Stunden pro Woche"


class HelpPostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HelpPost

    author = factory.SubFactory(UserFactory)
    quarter = factory.SubFactory(QuarterFactory)
    kind = HelpPost.Kind.OFFER
    category = HelpPost.Category.LENDING
    title = factory.Sequence(lambda n: f"Bohrmaschine {n}")
    text = "Zu verleihen."


class VacancyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vacancy

    quarter = factory.SubFactory(QuarterFactory)
    title = factory.Sequence(lambda n: f"Ladenlokal {n}")
    street = factory.Sequence(lambda n: f"Hauptstraße {n}")
    postcode = "49082"
    area_m2 = Decimal("80")
    use_class = Vacancy.UseClass.RETAIL
    contact_email = "vermieter@example.org"
    longitude = factory.LazyAttribute(lambda v: centre(v.quarter)[0])
    latitude = factory.LazyAttribute(lambda v: centre(v.quarter)[1])
