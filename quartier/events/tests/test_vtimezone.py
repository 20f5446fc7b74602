"""The VTIMEZONE in every feed, read back by dateutil (not the icalendar we write with)."""

import datetime as dt
import io

import icalendar
import ics
import pytest
import time_machine
from dateutil import tz
from dateutil.rrule import rrulestr
from django.urls import reverse

from quartier.events.ical import vtimezone
from quartier.events.models import BERLIN, Category

from .factories import EventFactory, local

NOW = dt.datetime(2027, 3, 1, 9, tzinfo=BERLIN)


def _vtimezone_text(content: bytes) -> str:
    calendar = icalendar.Calendar.from_ical(content)
    (component,) = calendar.walk("VTIMEZONE")
    return component.to_ical().decode()


def _offset_mismatches(text: str, start: dt.datetime, years: int) -> list:
    """UTC instants (every 30 minutes) where the VTIMEZONE and zoneinfo disagree."""
    parsed = tz.tzical(io.StringIO(text)).get("Europe/Berlin")
    mismatches = []
    moment, end = start, start + dt.timedelta(days=365 * years + 2)
    while moment < end:
        ours, truth = moment.astimezone(parsed), moment.astimezone(BERLIN)
        if ours.replace(tzinfo=None) != truth.replace(tzinfo=None):
            mismatches.append(moment)
        moment += dt.timedelta(minutes=30)
    return mismatches


@pytest.mark.django_db
@time_machine.travel(NOW)
def test_feed_vtimezone_agrees_with_zoneinfo_for_five_years(client):
    text = _vtimezone_text(client.get(reverse("events:feed")).content)
    start = dt.datetime(2027, 3, 1, tzinfo=dt.UTC)
    assert _offset_mismatches(text, start, years=5) == []
    lines = text.replace("\r\n ", "").split("\r\n")
    # The spring change is at 02:00 local time (01:00 UTC), the autumn one at 03:00.
    daylight = lines[lines.index("BEGIN:DAYLIGHT") : lines.index("END:DAYLIGHT")]
    assert "TZOFFSETFROM:+0100" in daylight and "TZOFFSETTO:+0200" in daylight
    assert any(
        line.startswith("DTSTART:") and line.endswith("T020000") for line in daylight
    )
    standard = lines[lines.index("BEGIN:STANDARD") : lines.index("END:STANDARD")]
    assert "TZOFFSETFROM:+0200" in standard
    assert any(
        line.startswith("DTSTART:") and line.endswith("T030000") for line in standard
    )


def test_vtimezone_covers_far_ahead_and_long_before():
    """Open-ended series reach past any window: the yearly rule carries on."""
    text = vtimezone(BERLIN, first=dt.date(2024, 1, 10), last=dt.date(2027, 1, 1))
    text = text.to_ical().decode()
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3" in text
    assert _offset_mismatches(text, dt.datetime(2024, 1, 10, tzinfo=dt.UTC), 15) == []


def test_the_check_fails_on_the_old_vtimezone():
    """The VTIMEZONE icalendar generated before: spring change at 03:00 local."""
    old = (
        "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n"
        "BEGIN:STANDARD\r\nDTSTART:20251029T000000\r\nTZNAME:CET\r\n"
        "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\n"
        "BEGIN:DAYLIGHT\r\nDTSTART:20260329T030000\r\n"
        "RDATE:20270328T030000,20280326T030000\r\nTZNAME:CEST\r\n"
        "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\n"
        "BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\n"
        "RDATE:20271031T030000,20281029T030000\r\nTZNAME:CET\r\n"
        "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\n"
        "END:VTIMEZONE\r\n"
    )
    mismatches = _offset_mismatches(old, dt.datetime(2027, 3, 1, tzinfo=dt.UTC), 2)
    assert dt.datetime(2027, 3, 28, 1, 0, tzinfo=dt.UTC) in mismatches


@pytest.mark.django_db
@time_machine.travel(NOW)
def test_empty_feeds_still_hold_a_component(client, quarter):
    urls = [
        reverse("events:feed"),
        reverse("events:feed_quarter", kwargs={"slug": quarter.slug}),
        *(
            reverse("events:feed_category", kwargs={"category": category})
            for category in Category.values
        ),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        calendar = icalendar.Calendar.from_ical(response.content)
        # RFC 5545 §3.6: an iCalendar object holds at least one component.
        assert calendar.subcomponents, url
        assert not calendar.walk("VEVENT"), url
        assert ics.Calendar(response.content.decode()).events == set()


@pytest.mark.django_db
@time_machine.travel(NOW)
def test_weekly_sunday_offer_keeps_its_hour_across_both_changes(client, quarter):
    """A Sunday-morning walk from March to November: 10 h local all year."""
    first = dt.date(2027, 3, 14)
    event = EventFactory(
        quarters=[quarter],
        starts_at=local(first, 10),
        ends_at=local(first, 11, 30),
        rrule="FREQ=WEEKLY;BYDAY=SU;UNTIL=20271114T230000Z",
    )
    response = client.get(reverse("events:ics", kwargs={"pk": event.pk}))
    content = response.content
    zone = tz.tzical(io.StringIO(_vtimezone_text(content))).get("Europe/Berlin")
    (vevent,) = icalendar.Calendar.from_ical(content).walk("VEVENT")
    assert vevent["DTSTART"].params["TZID"] == "Europe/Berlin"
    start = vevent.decoded("dtstart").replace(tzinfo=None)
    rule = vevent["RRULE"].to_ical().decode().replace("Z", "")
    # Expanded as a calendar app does: local wall time, then the feed's VTIMEZONE.
    feed_starts = [
        naive.replace(tzinfo=zone).astimezone(dt.UTC)
        for naive in rrulestr(rule, dtstart=start)
    ]
    stored = [
        o.starts_at.astimezone(dt.UTC) for o in event.occurrences.order_by("starts_at")
    ]
    assert feed_starts == stored
    utc_hour = {s.date(): s.hour for s in stored}
    assert utc_hour[dt.date(2027, 3, 21)] == 9  # CET
    assert utc_hour[dt.date(2027, 3, 28)] == 8  # the last Sunday of March: CEST
    assert utc_hour[dt.date(2027, 10, 24)] == 8
    assert utc_hour[dt.date(2027, 10, 31)] == 9  # the last Sunday of October: CET
    assert {s.astimezone(BERLIN).hour for s in stored} == {10}
