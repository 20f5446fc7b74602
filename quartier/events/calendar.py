"""The month grid of the public calendar: weeks of days, each with its dates."""

from __future__ import annotations

import calendar as pycalendar
import datetime as dt

from .models import BERLIN, Occurrence

# A full day links to the list instead of growing the cell without end.
CALENDAR_CELL_ITEMS = 4


def month_occurrences(first: dt.date, quarter=None):
    """Public dates starting in the month of `first`, with only what a cell shows."""
    days_in_month = pycalendar.monthrange(first.year, first.month)[1]
    start = dt.datetime.combine(first, dt.time(), BERLIN)
    end = start + dt.timedelta(days=days_in_month)
    occurrences = Occurrence.objects.public().between(start, end)
    if quarter:
        occurrences = occurrences.filter(event__quarters=quarter)
    return (
        occurrences.select_related("event")
        .only(
            "starts_at",
            "ends_at",
            "status",
            "is_modified",
            "event_id",
            "event__title",
            "event__all_day",
            "event__status",
        )
        .order_by("starts_at", "pk")
    )


def month_grid(first: dt.date, occurrences) -> list[list[dict]]:
    """Monday-first weeks covering the month; days of the neighbour months included."""
    by_day: dict[dt.date, list[Occurrence]] = {}
    for occ in occurrences:
        by_day.setdefault(occ.local_start.date(), []).append(occ)
    weeks = []
    for week in pycalendar.Calendar(firstweekday=0).monthdatescalendar(
        first.year, first.month
    ):
        weeks.append(
            [
                {
                    "date": day,
                    "in_month": day.month == first.month,
                    "items": by_day.get(day, [])[:CALENDAR_CELL_ITEMS],
                    "more": max(0, len(by_day.get(day, [])) - CALENDAR_CELL_ITEMS),
                }
                for day in week
            ]
        )
    return weeks


def neighbour_months(first: dt.date) -> tuple[dt.date, dt.date]:
    """First days of the month before and the month after."""
    days_in_month = pycalendar.monthrange(first.year, first.month)[1]
    previous = (first - dt.timedelta(days=1)).replace(day=1)
    return previous, first + dt.timedelta(days=days_in_month)
