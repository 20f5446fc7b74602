"""Feeds are checked with `ics` (ics-py), a parser independent of the icalendar we write with."""

import datetime as dt

import ics
import pytest
import time_machine
from dateutil.rrule import rrulestr
from django.urls import reverse

from quartier.events.models import BERLIN, Category, Event
from quartier.events.services import event_cancel, occurrence_cancel

from .factories import EventFactory, local

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 10, 1, 9, tzinfo=BERLIN)
TUESDAY = dt.date(2026, 10, 20)  # the last Tuesday of summer time


def _parse(response) -> ics.Calendar:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return ics.Calendar(response.content.decode())


def _lines(response) -> list[str]:
    return response.content.decode().replace("\r\n ", "").split("\r\n")


@time_machine.travel(NOW)
def test_feed_has_vtimezone_stable_uid_and_dst_correct_times(client, quarter):
    single_before = EventFactory(
        quarters=[quarter], starts_at=local(TUESDAY, 15), ends_at=local(TUESDAY, 17)
    )
    after = TUESDAY + dt.timedelta(days=7)
    single_after = EventFactory(
        quarters=[quarter], starts_at=local(after, 15), ends_at=local(after, 17)
    )
    url = reverse("events:feed")
    first = client.get(url)
    lines = _lines(first)
    assert "BEGIN:VTIMEZONE" in lines
    assert "TZID:Europe/Berlin" in lines
    calendar = _parse(first)
    by_uid = {e.uid: e for e in calendar.events}
    assert set(by_uid) == {single_before.uid, single_after.uid}
    # 15 h Berlin is 13 h UTC in summer and 14 h UTC in winter time.
    assert by_uid[single_before.uid].begin.to("UTC").hour == 13
    assert by_uid[single_after.uid].begin.to("UTC").hour == 14
    assert by_uid[single_after.uid].end.to("Europe/Berlin").hour == 17
    again = _parse(client.get(url))
    assert {e.uid for e in again.events} == set(by_uid)


@time_machine.travel(NOW)
def test_series_expands_across_dst_with_an_independent_parser(client, quarter):
    event = EventFactory(
        quarters=[quarter],
        starts_at=local(TUESDAY, 15),
        ends_at=local(TUESDAY, 17),
        rrule="FREQ=WEEKLY;BYDAY=TU;COUNT=3",
    )
    response = client.get(reverse("events:ics", kwargs={"pk": event.pk}))
    (parsed,) = _parse(response).events
    lines = _lines(response)
    # The event's rule, not the VTIMEZONE's yearly ones before it.
    event_lines = lines[lines.index("BEGIN:VEVENT") :]
    rule = next(line for line in event_lines if line.startswith("RRULE:"))
    assert rule == "RRULE:FREQ=WEEKLY;COUNT=3;BYDAY=TU"
    # Expand from the parsed local start, as a calendar app does.
    start = parsed.begin.to("Europe/Berlin").datetime.replace(tzinfo=None)
    dates = list(rrulestr(rule.removeprefix("RRULE:"), dtstart=start))
    utc_hours = [d.replace(tzinfo=BERLIN).astimezone(dt.UTC).hour for d in dates]
    assert utc_hours == [13, 14, 14]


@time_machine.travel(NOW)
def test_cancelled_event_and_cancelled_occurrence_are_marked(
    client, quarter, django_capture_on_commit_callbacks
):
    cancelled = EventFactory(quarters=[quarter])
    series = EventFactory(
        quarters=[quarter],
        starts_at=local(TUESDAY, 15),
        ends_at=local(TUESDAY, 17),
        rrule="FREQ=WEEKLY;COUNT=3",
    )
    with django_capture_on_commit_callbacks(execute=True):
        event_cancel(event=cancelled, reason="Regen")
        occurrence_cancel(occurrence=series.occurrences.order_by("starts_at")[1])
    response = client.get(reverse("events:feed"))
    calendar = _parse(response)
    statuses = {(e.uid, e.status) for e in calendar.events}
    assert (cancelled.uid, "CANCELLED") in statuses
    assert (series.uid, "CONFIRMED") in statuses
    assert (series.uid, "CANCELLED") in statuses  # the override with RECURRENCE-ID
    text = response.content.decode()
    assert "RECURRENCE-ID;TZID=Europe/Berlin:20261027T150000" in text
    assert "SEQUENCE:1" in text


@time_machine.travel(NOW)
def test_quarter_and_category_feeds_filter(client, quarter, other_quarter):
    mine = EventFactory(quarters=[quarter], category=Category.SPORT)
    theirs = EventFactory(quarters=[other_quarter], category=Category.CULTURE)
    draft = EventFactory(quarters=[quarter], status=Event.Status.SUBMITTED)
    quarter_feed = _parse(
        client.get(reverse("events:feed_quarter", kwargs={"slug": quarter.slug}))
    )
    assert {e.uid for e in quarter_feed.events} == {mine.uid}
    category_feed = _parse(
        client.get(reverse("events:feed_category", kwargs={"category": "culture"}))
    )
    assert {e.uid for e in category_feed.events} == {theirs.uid}
    assert draft.uid not in client.get(reverse("events:feed")).content.decode()
    assert (
        client.get("/veranstaltungen/kategorie/unbekannt/feed.ics").status_code == 404
    )


@time_machine.travel(NOW)
def test_feed_query_count_does_not_grow_with_events(
    client, quarter, django_assert_num_queries
):
    for _ in range(2):
        EventFactory(quarters=[quarter])
    with django_assert_num_queries(3):
        client.get(reverse("events:feed"))
    for _ in range(18):
        EventFactory(quarters=[quarter])
    with django_assert_num_queries(3):
        client.get(reverse("events:feed"))


@time_machine.travel(NOW)
def test_draft_ics_is_hidden(client, quarter):
    draft = EventFactory(quarters=[quarter], status=Event.Status.DRAFT)
    assert client.get(reverse("events:ics", kwargs={"pk": draft.pk})).status_code == 404
