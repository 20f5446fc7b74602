import datetime as dt
from decimal import Decimal

import factory

from quartier.measures.models import (
    ActionField,
    Address,
    FundingLine,
    Goal,
    Measure,
    ProgressUpdate,
)
from quartier.quarters.tests.factories import QuarterFactory


class ActionFieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionField

    quarter = factory.SubFactory(QuarterFactory)
    title = factory.Sequence(lambda n: f"Handlungsfeld {n}")


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    action_field = factory.SubFactory(ActionFieldFactory)
    title = factory.Sequence(lambda n: f"Ziel {n}")


class MeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measure
        skip_postgeneration_save = True

    quarter = factory.SubFactory(QuarterFactory)
    title = factory.Sequence(lambda n: f"Maßnahme {n}")
    summary = "Eine Maßnahme zum Testen."
    status = Measure.Status.PLANNING
    planned_start = dt.date(2024, 1, 1)
    planned_end = dt.date(2025, 12, 31)
    location = factory.LazyAttribute(
        lambda m: {
            "type": "Point",
            "coordinates": list(m.quarter.shape.representative_point().coords[0]),
        }
    )

    @factory.post_generation
    def fields(measure, create, extracted, **kwargs):
        if create and extracted:
            measure.action_fields.set(extracted)
            measure.save()


class FundingLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingLine

    measure = factory.SubFactory(MeasureFactory)
    source = "bund"
    year = 2024
    planned = Decimal("1000.00")
    spent = Decimal("250.00")


class ProgressUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressUpdate

    measure = factory.SubFactory(MeasureFactory)
    date = dt.date(2024, 5, 1)
    title = "Baubeginn"
    text = "Es geht los."


class AddressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Address

    street = "Teststraße"
    house_number = factory.Sequence(lambda n: str(n + 1))
    longitude = 8.005
    latitude = 52.255
