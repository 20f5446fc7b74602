import datetime as dt

import factory
from django.utils import timezone

from quartier.events.models import BERLIN, Category, Event, Venue
from quartier.events.services import event_save
from quartier.quarters.tests.factories import QuarterFactory


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue

    name = factory.Sequence(lambda n: f"Treffpunkt {n}")
    street = "Musterweg 1"
    postcode = "49074"
    longitude = 8.07
    latitude = 52.28
    step_free = True


def local(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), BERLIN)


class EventFactory(factory.django.DjangoModelFactory):
    """A published event three days ahead, 15–17 h, with its occurrences synced."""

    class Meta:
        model = Event
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Nachbarschaftstreff {n}")
    description = "Kaffee, Kuchen und Gespräche."
    venue = factory.SubFactory(VenueFactory)
    category = Category.MEETING
    target_groups = ",everyone,"
    languages = ",de,"
    status = Event.Status.PUBLISHED
    starts_at = factory.LazyFunction(
        lambda: local(timezone.localdate() + dt.timedelta(days=3), 15)
    )
    ends_at = factory.LazyAttribute(lambda e: e.starts_at + dt.timedelta(hours=2))

    @factory.post_generation
    def quarters(event, create, extracted, **kwargs):
        if not create:
            return
        event_save(event=event, quarters=extracted or [QuarterFactory()], notify=False)
