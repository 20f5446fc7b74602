"""iCalendar (RFC 5545) out and in: feeds, single .ics downloads and the staff import."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import icalendar
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import BERLIN, Category, Event, Occurrence, Venue

PRODID = "-//Quartier//Veranstaltungen//DE"


def _local(value: dt.datetime) -> dt.datetime:
    return timezone.localtime(value, BERLIN)


def _occurrences(event: Event) -> list[Occurrence]:
    # Uses the prefetched occurrences: a feed of 200 events stays at a few queries.
    return sorted(event.occurrences.all(), key=lambda o: o.original_start)


def _set_times(component, start: dt.datetime, end: dt.datetime, all_day: bool) -> None:
    if all_day:
        component.add("dtstart", _local(start).date())
        component.add("dtend", _local(end).date())
    else:
        component.add("dtstart", _local(start))
        component.add("dtend", _local(end))


def _base(event: Event, stamp: dt.datetime) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("uid", event.uid)
    vevent.add("dtstamp", stamp)
    vevent.add("last-modified", event.updated_at.astimezone(dt.UTC))
    vevent.add("sequence", event.sequence)
    vevent.add("summary", event.title)
    vevent.add("description", event.description)
    venue = event.venue
    vevent.add("location", f"{venue.name}, {venue.address}")
    if venue.latitude is not None:
        vevent.add("geo", (venue.latitude, venue.longitude))
    vevent.add("url", settings.SITE_URL.rstrip("/") + event.get_absolute_url())
    vevent.add("categories", [str(event.get_category_display())])
    return vevent


def event_components(event: Event, stamp: dt.datetime) -> list[icalendar.Event]:
    """The master VEVENT and, for a series, one VEVENT per changed or cancelled date."""
    occurrences = _occurrences(event)
    cancelled = event.status == Event.Status.CANCELLED
    master = _base(event, stamp)
    if not event.is_recurring:
        occ = occurrences[0] if occurrences else None
        start, end = (
            (occ.starts_at, occ.ends_at) if occ else (event.starts_at, event.ends_at)
        )
        _set_times(master, start, end, event.all_day)
        if occ and occ.status == Occurrence.Status.CANCELLED:
            cancelled = True
        master.add("status", "CANCELLED" if cancelled else "CONFIRMED")
        return [master]
    _set_times(master, event.starts_at, event.ends_at, event.all_day)
    master.add("rrule", icalendar.vRecur.from_ical(event.rrule.removeprefix("RRULE:")))
    start_time = _local(event.starts_at).timetz()
    for day in event.exdates or []:
        exdate = dt.datetime.combine(dt.date.fromisoformat(day), start_time)
        master.add("exdate", exdate.date() if event.all_day else exdate)
    master.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    components = [master]
    for occ in occurrences:
        if not occ.is_modified:
            continue
        override = _base(event, stamp)
        recurrence_id = _local(occ.original_start)
        override.add(
            "recurrence-id", recurrence_id.date() if event.all_day else recurrence_id
        )
        _set_times(override, occ.starts_at, occ.ends_at, event.all_day)
        is_off = cancelled or occ.status == Occurrence.Status.CANCELLED
        override.add("status", "CANCELLED" if is_off else "CONFIRMED")
        if occ.note:
            override["description"] = f"{occ.note}\n\n{event.description}"
        components.append(override)
    return components


def build_calendar(events: Iterable[Event], *, name: str) -> bytes:
    """A VCALENDAR with Europe/Berlin as VTIMEZONE, ready for calendar apps."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Berlin")
    # Apple Calendar and Google honour this as the polling interval.
    calendar.add(
        "refresh-interval", dt.timedelta(hours=6), parameters={"VALUE": "DURATION"}
    )
    stamp = timezone.now().astimezone(dt.UTC).replace(microsecond=0)
    for event in events:
        for component in event_components(event, stamp):
            calendar.add_component(component)
    today = timezone.localdate()
    # Only the transitions the feed needs: the full zone history would be kilobytes.
    calendar.add_missing_timezones(
        first_date=today - dt.timedelta(days=400),
        last_date=today + dt.timedelta(days=800),
    )
    return calendar.to_ical()


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    skipped: int = 0


def _aware(value) -> tuple[dt.datetime, bool]:
    """ical DATE or DATE-TIME → aware datetime, and whether it was a whole day."""
    if isinstance(value, dt.datetime):
        if timezone.is_naive(value):
            value = value.replace(tzinfo=BERLIN)  # floating time: read as local
        return value, False
    return dt.datetime.combine(value, dt.time(), BERLIN), True


@transaction.atomic
def events_import_ics(
    *, data: bytes, quarters, venue: Venue, category: str, user=None
) -> ImportResult:
    """Import the VEVENTs of an .ics file as published events of `quarters`.

    De-duplicates by UID: an event with a known UID is updated, not created twice.
    Overrides (RECURRENCE-ID) and events without a start are skipped and counted.
    Raises ValueError if the file is not iCalendar.
    """
    from .services import event_save

    try:
        calendar = icalendar.Calendar.from_ical(data)
    except ValueError:
        raise
    except Exception as error:
        raise ValueError(str(error)) from error
    if category not in Category.values:
        raise ValueError("unknown category")
    result = ImportResult()
    for component in calendar.walk("VEVENT"):
        uid = str(component.get("uid", "")).strip()
        if not uid or component.get("recurrence-id") or not component.get("dtstart"):
            result.skipped += 1
            continue
        start, all_day = _aware(component.decoded("dtstart"))
        if component.get("dtend"):
            end, _ = _aware(component.decoded("dtend"))
        elif component.get("duration"):
            end = start + component.decoded("duration")
        else:
            end = start + (dt.timedelta(days=1) if all_day else dt.timedelta(hours=1))
        if end <= start:
            result.skipped += 1
            continue
        event = Event.objects.filter(uid=uid).first()
        is_new = event is None
        if is_new:
            event = Event(uid=uid, venue=venue, category=category, submitted_by=user)
        event.title = str(component.get("summary", ""))[:200] or uid[:200]
        event.description = str(component.get("description", ""))
        event.starts_at, event.ends_at, event.all_day = start, end, all_day
        rrule = component.get("rrule")
        event.rrule = rrule.to_ical().decode() if rrule else ""
        cancelled = str(component.get("status", "")).upper() == "CANCELLED"
        event.status = Event.Status.CANCELLED if cancelled else Event.Status.PUBLISHED
        event_save(event=event, quarters=quarters if is_new else None)
        if is_new:
            result.created += 1
        else:
            result.updated += 1
    return result


def fetch_ics(url: str, *, max_bytes: int, timeout: float = 10.0) -> bytes:
    """Download a calendar over http(s); raises ValueError with a reason people understand."""
    import urllib.error
    import urllib.request
    from urllib.parse import urlsplit

    from django.utils.translation import gettext as _

    if urlsplit(url).scheme not in {"http", "https"}:
        raise ValueError(_("Nur Adressen mit http:// oder https:// sind möglich."))
    headers = {"User-Agent": "Quartier iCal-Import"}
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - scheme checked
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            data = response.read(max_bytes + 1)
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise ValueError(
            _("Der Kalender war unter dieser Adresse nicht abrufbar.")
        ) from error
    if len(data) > max_bytes:
        raise ValueError(_("Der Kalender ist größer als 2 MB."))
    return data
