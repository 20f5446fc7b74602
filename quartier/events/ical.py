"""iCalendar (RFC 5545) out and in: feeds, single .ics downloads and the staff import."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import BERLIN, Category, Event, Occurrence, Venue
from .services import event_save

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


# How far past the feed's last date the time zone is spelled out; beyond it the
# zone's current rule (RRULE) carries on for open-ended series.
TIMEZONE_YEARS_AHEAD = 5
_WEEKDAYS = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"]  # POSIX TZ: 0 is Sunday


@dataclass(frozen=True)
class _Transition:
    at: dt.datetime  # UTC instant of the change
    offset_from: dt.timedelta
    offset_to: dt.timedelta
    is_dst: bool
    name: str

    @property
    def local_start(self) -> dt.datetime:
        """DTSTART of an observance: the local wall time just before the change."""
        return (self.at + self.offset_from).replace(tzinfo=None)


def _transitions(
    zone: ZoneInfo, start: dt.datetime, end: dt.datetime
) -> list[_Transition]:
    """Every offset change of `zone` between two UTC instants, to the second."""

    def state(moment: dt.datetime) -> tuple:
        local = moment.astimezone(zone)
        return local.utcoffset(), local.tzname(), bool(local.dst())

    changes = []
    start = start.replace(microsecond=0)
    day, before = start, state(start)
    while day < end:
        after_day = day + dt.timedelta(days=1)
        after = state(after_day)
        if after != before:
            # Bisect the day: a zone changes at most once within 24 hours.
            low, high = int(day.timestamp()), int(after_day.timestamp())
            while high - low > 1:
                middle = (low + high) // 2
                moment = dt.datetime.fromtimestamp(middle, dt.UTC)
                low, high = (middle, high) if state(moment) == before else (low, middle)
            at = dt.datetime.fromtimestamp(high, dt.UTC)
            changes.append(_Transition(at, before[0], after[0], after[2], after[1]))
        day, before = after_day, after
    return changes


def _posix_rules(zone: ZoneInfo) -> tuple[str, str] | None:
    """The DST start and end rules ("M3.5.0", "M10.5.0/3") of the zone's TZif footer.

    The footer is the rule the tz database applies to all future years. Searched
    like zoneinfo does: the system's TZPATH first, then the tzdata package.
    """
    import zoneinfo
    from importlib import resources
    from pathlib import Path

    data = None
    for base in zoneinfo.TZPATH:
        path = Path(base) / zone.key
        if path.is_file():
            data = path.read_bytes()
            break
    if data is None:
        try:
            package = resources.files("tzdata").joinpath(
                "zoneinfo", *zone.key.split("/")
            )
            data = package.read_bytes()
        except (ModuleNotFoundError, FileNotFoundError):
            return None
    if not data.startswith(b"TZif") or data[4:5] < b"2":
        return None  # version 1 files have no footer
    footer = data.rstrip(b"\n").rsplit(b"\n", 1)[-1].decode("ascii", "replace")
    parts = footer.split(",")
    if len(parts) != 3 or not all(p.startswith("M") for p in parts[1:]):
        return None  # no DST, or a rule form (Julian days) we do not translate
    return parts[1], parts[2]


def _rrule(posix: str) -> dict:
    """ "M10.5.0/3" → FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU (week 5 means the last)."""
    month, week, weekday = (int(n) for n in posix[1:].split("/")[0].split("."))
    ordinal = -1 if week == 5 else week
    return {
        "freq": "yearly",
        "bymonth": month,
        "byday": f"{ordinal}{_WEEKDAYS[weekday]}",
    }


def _yearly_rules(zone: ZoneInfo, groups: dict) -> dict:
    """Observance key → RRULE, if the zone's yearly rule yields every change; else {}."""
    from dateutil.rrule import rrulestr

    rules = _posix_rules(zone)
    if not rules or len(groups) != 2:
        return {}
    found = {}
    for posix, is_dst in ((rules[0], True), (rules[1], False)):
        keys = [key for key in groups if key[0] is is_dst]
        if len(keys) != 1:
            return {}
        starts = [change.local_start for change in groups[keys[0]]]
        rule = _rrule(posix)
        text = f"FREQ=YEARLY;BYMONTH={rule['bymonth']};BYDAY={rule['byday']}"
        expanded = rrulestr(text, dtstart=starts[0]).between(
            starts[0], starts[-1], inc=True
        )
        if expanded != starts:
            return {}
        found[keys[0]] = rule
    return found


def vtimezone(zone: ZoneInfo, *, first: dt.date, last: dt.date) -> icalendar.Timezone:
    """A VTIMEZONE for `zone`, computed from the tz database, right from `first`.

    Every change from the one before `first` to `last` plus TIMEZONE_YEARS_AHEAD
    years is checked against zoneinfo. If the zone's current yearly rule produces
    exactly those changes, the VTIMEZONE is two observances with an RRULE (valid for
    open-ended series, and what calendar apps expect); otherwise each change is
    listed (DTSTART and RDATE). DTSTART is the local time before the change, as
    RFC 5545 §3.6.5 says: the spring change in Berlin is 02:00, not 03:00.
    """
    start = dt.datetime.combine(first, dt.time(), dt.UTC) - dt.timedelta(days=366)
    end = dt.datetime.combine(last, dt.time(), dt.UTC) + dt.timedelta(
        days=366 * TIMEZONE_YEARS_AHEAD
    )
    changes = _transitions(zone, start, end)
    groups: dict[tuple, list[_Transition]] = {}
    for change in changes:
        key = (change.is_dst, change.offset_from, change.offset_to, change.name)
        groups.setdefault(key, []).append(change)
    by_rule = _yearly_rules(zone, groups)
    timezone_component = icalendar.Timezone()
    timezone_component.add("tzid", zone.key)
    if not changes:  # a zone without changes: one observance, forever
        local = dt.datetime.combine(first, dt.time(), dt.UTC).astimezone(zone)
        observance = icalendar.TimezoneStandard()
        observance.add("dtstart", dt.datetime.combine(first, dt.time()))
        observance.add("tzoffsetfrom", local.utcoffset())
        observance.add("tzoffsetto", local.utcoffset())
        observance.add("tzname", local.tzname())
        timezone_component.add_component(observance)
        return timezone_component
    for key, group in sorted(groups.items(), key=lambda item: item[1][0].at):
        is_dst, offset_from, offset_to, name = key
        observance = (
            icalendar.TimezoneDaylight() if is_dst else icalendar.TimezoneStandard()
        )
        observance.add("dtstart", group[0].local_start)
        if key in by_rule:
            observance.add("rrule", by_rule[key])
        elif len(group) > 1:
            observance.add("rdate", [c.local_start for c in group[1:]])
        observance.add("tzoffsetfrom", offset_from)
        observance.add("tzoffsetto", offset_to)
        observance.add("tzname", name)
        timezone_component.add_component(observance)
    return timezone_component


def _date_range(calendar: icalendar.Calendar) -> tuple[dt.date, dt.date]:
    """First and last day any date of the calendar's events touches (today if none)."""
    days = [timezone.localdate()]
    for component in calendar.walk("VEVENT"):
        for name in ("dtstart", "dtend", "recurrence-id"):
            if name in component:
                value = component.decoded(name)
                days.append(value.date() if isinstance(value, dt.datetime) else value)
    return min(days), max(days)


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
    first, last = _date_range(calendar)
    # Always there, even in an empty feed: RFC 5545 wants at least one component,
    # and X-WR-TIMEZONE names this zone. Computed here because icalendar's own
    # (add_missing_timezones) put the spring change an hour late.
    calendar.subcomponents.insert(0, vtimezone(BERLIN, first=first, last=last))
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
