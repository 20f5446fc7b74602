"""Expanding an event's RRULE into dates, in Berlin wall-clock time."""

from __future__ import annotations

import datetime as dt

from dateutil.rrule import rrulestr
from django.utils import timezone

from .models import BERLIN, Event

# How far ahead open-ended series are materialised; a daily task extends the window.
HORIZON_DAYS = 400


def expand(event: Event, *, horizon: dt.datetime | None = None) -> list[dt.datetime]:
    """Aware start datetimes of all dates of `event`, up to `horizon`.

    The rule runs on naive local time, then each date is put into Europe/Berlin: a
    weekly 15 h offer stays at 15 h after the switch to winter time, as RFC 5545 asks
    for DTSTART with a TZID.
    """
    start = timezone.localtime(event.starts_at, BERLIN)
    if not event.rrule:
        return [event.starts_at]
    horizon = horizon or timezone.now() + dt.timedelta(days=HORIZON_DAYS)
    local_horizon = timezone.localtime(horizon, BERLIN).replace(tzinfo=None)
    rule = rrulestr(
        _naive_until(event.rrule), dtstart=start.replace(tzinfo=None), forceset=False
    )
    excluded = {dt.date.fromisoformat(day) for day in event.exdates or []}
    starts = []
    # Calendar apps count DTSTART even when the rule would skip it; so do we.
    first = rule.after(start.replace(tzinfo=None), inc=True)
    if first != start.replace(tzinfo=None) and start.date() not in excluded:
        starts.append(start.replace(tzinfo=None).replace(tzinfo=BERLIN))
    for naive in rule.xafter(start.replace(tzinfo=None), inc=True):
        if naive > local_horizon:
            break
        if naive.date() in excluded:
            continue
        starts.append(naive.replace(tzinfo=BERLIN))
    return starts


def _naive_until(rule: str) -> str:
    """dateutil refuses a UTC UNTIL with a naive DTSTART: read UNTIL as local time."""
    parts = []
    for part in rule.removeprefix("RRULE:").split(";"):
        key, _, value = part.partition("=")
        if key.upper() == "UNTIL" and value.endswith("Z"):
            until = dt.datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.UTC)
            value = timezone.localtime(until, BERLIN).strftime("%Y%m%dT%H%M%S")
        parts.append(f"{key}={value}" if value else key)
    return ";".join(parts)


def validate_rrule(rule: str) -> None:
    """Raises ValueError if dateutil cannot read the rule."""
    rrulestr(_naive_until(rule), dtstart=dt.datetime(2000, 1, 1))  # noqa: DTZ001
