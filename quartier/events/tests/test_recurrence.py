import datetime as dt

import pytest
import time_machine

from quartier.events.models import BERLIN, Occurrence
from quartier.events.services import (
    occurrence_cancel,
    occurrence_move,
    occurrences_sync,
)

from .factories import EventFactory, local

pytestmark = pytest.mark.django_db

# Summer time ends on Sunday 25 October 2026.
BEFORE_DST_END = dt.date(2026, 10, 13)  # a Tuesday


@time_machine.travel(dt.datetime(2026, 10, 1, 9, tzinfo=BERLIN))
def test_weekly_offer_keeps_wall_clock_time_across_dst_change(quarter):
    event = EventFactory(
        quarters=[quarter],
        starts_at=local(BEFORE_DST_END, 15),
        ends_at=local(BEFORE_DST_END, 17),
        rrule="FREQ=WEEKLY;BYDAY=TU;COUNT=4",
    )
    occurrences = list(event.occurrences.order_by("starts_at"))
    assert [o.local_start.date() for o in occurrences] == [
        dt.date(2026, 10, 13),
        dt.date(2026, 10, 20),
        dt.date(2026, 10, 27),
        dt.date(2026, 11, 3),
    ]
    assert {(o.local_start.hour, o.local_end.hour) for o in occurrences} == {(15, 17)}
    # In UTC the offer moves by one hour: 13 h before, 14 h after the change.
    assert occurrences[1].starts_at.astimezone(dt.UTC).hour == 13
    assert occurrences[2].starts_at.astimezone(dt.UTC).hour == 14


@time_machine.travel(dt.datetime(2026, 10, 1, 9, tzinfo=BERLIN))
def test_exception_dates_are_left_out(quarter):
    event = EventFactory(
        quarters=[quarter],
        starts_at=local(BEFORE_DST_END, 15),
        ends_at=local(BEFORE_DST_END, 17),
        rrule="FREQ=WEEKLY;UNTIL=20261110T230000Z",
        exdates=["2026-10-20", "2026-10-27"],  # Herbstferien
    )
    days = [o.local_start.date() for o in event.occurrences.order_by("starts_at")]
    assert days == [dt.date(2026, 10, 13), dt.date(2026, 11, 3), dt.date(2026, 11, 10)]


@time_machine.travel(dt.datetime(2026, 10, 1, 9, tzinfo=BERLIN))
def test_single_occurrence_can_be_cancelled_or_moved_and_survives_resync(
    quarter, mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory(
        quarters=[quarter],
        starts_at=local(BEFORE_DST_END, 15),
        ends_at=local(BEFORE_DST_END, 17),
        rrule="FREQ=WEEKLY;COUNT=3",
    )
    first, second, third = event.occurrences.order_by("starts_at")
    with django_capture_on_commit_callbacks(execute=True):
        occurrence_cancel(occurrence=second, note="Raum belegt")
        occurrence_move(
            occurrence=third,
            starts_at=local(dt.date(2026, 10, 28), 16),
            ends_at=local(dt.date(2026, 10, 28), 18),
        )
    event.refresh_from_db()
    event.title = "Neuer Titel"
    occurrences_sync(event=event)
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.status == Occurrence.Status.CANCELLED
    assert third.local_start == local(dt.date(2026, 10, 28), 16)
    assert event.occurrences.count() == 3
    first.refresh_from_db()
    assert first.status == Occurrence.Status.SCHEDULED


@time_machine.travel(dt.datetime(2026, 10, 1, 9, tzinfo=BERLIN))
def test_shortened_series_deletes_unused_dates(quarter):
    event = EventFactory(
        quarters=[quarter],
        starts_at=local(BEFORE_DST_END, 15),
        ends_at=local(BEFORE_DST_END, 17),
        rrule="FREQ=WEEKLY;COUNT=5",
    )
    event.rrule = "FREQ=WEEKLY;COUNT=2"
    occurrences_sync(event=event)
    assert event.occurrences.count() == 2


def test_open_ended_series_stops_at_horizon(quarter):
    event = EventFactory(quarters=[quarter], rrule="FREQ=DAILY")
    count = event.occurrences.count()
    assert 390 <= count <= 401


@time_machine.travel(dt.datetime(2026, 10, 1, 9, tzinfo=BERLIN))
def test_start_off_the_rule_counts_like_in_calendar_apps(quarter):
    monday = dt.date(2026, 10, 12)
    event = EventFactory(
        quarters=[quarter],
        starts_at=local(monday, 15),
        ends_at=local(monday, 16),
        rrule="FREQ=WEEKLY;BYDAY=TU;COUNT=2",
    )
    days = [o.local_start.date() for o in event.occurrences.order_by("starts_at")]
    assert days == [monday, dt.date(2026, 10, 13), dt.date(2026, 10, 20)]
