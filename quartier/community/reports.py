"""Vacancy figures for staff: history per address and vacant units per year."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from django.utils import timezone

from .models import Vacancy


def _address_key(vacancy: Vacancy) -> tuple[str, str]:
    # "Lange Str. 5" and "lange str. 5 " are the same door.
    return (" ".join(vacancy.street.lower().split()), vacancy.postcode.strip())


def _days(vacancy: Vacancy, today: dt.date) -> int:
    return ((vacancy.vacant_until or today) - vacancy.vacant_since).days


def vacancy_history_by_address(vacancies: Iterable[Vacancy]) -> list[dict]:
    """One row per address: its vacancy periods, oldest first, and total days vacant."""
    today = timezone.localdate()
    groups: dict[tuple[str, str], list[Vacancy]] = defaultdict(list)
    for vacancy in vacancies:
        groups[_address_key(vacancy)].append(vacancy)
    rows = []
    for periods in groups.values():
        periods.sort(key=lambda v: v.vacant_since)
        rows.append(
            {
                "address": periods[-1].address,
                "quarter": periods[-1].quarter,
                "periods": periods,
                "days_vacant": sum(_days(v, today) for v in periods),
                "vacant_now": any(v.vacant_until is None for v in periods),
            }
        )
    rows.sort(key=lambda row: (row["quarter"].name, row["address"]))
    return rows


def vacancy_counts_by_year(
    vacancies: Iterable[Vacancy], stock: dict[tuple[int, int], int] | None = None
) -> list[dict]:
    """Per quarter and year: units vacant at some time in the year, and at its end.

    For the current year "at the end" means today. `stock` maps (quarter id, year) to
    the number of commercial units; where known, the row carries the vacancy rate.
    """
    stock = stock or {}
    today = timezone.localdate()
    vacancies = list(vacancies)
    if not vacancies:
        return []
    first = min(v.vacant_since.year for v in vacancies)
    rows = []
    quarters = {v.quarter_id: v.quarter for v in vacancies}
    for quarter in sorted(quarters.values(), key=lambda q: q.name):
        own = [v for v in vacancies if v.quarter_id == quarter.pk]
        for year in range(first, today.year + 1):
            start = dt.date(year, 1, 1)
            end = min(dt.date(year, 12, 31), today)
            during = [
                v
                for v in own
                if v.vacant_since <= end
                and (v.vacant_until is None or v.vacant_until >= start)
            ]
            at_end = [
                v for v in during if v.vacant_until is None or v.vacant_until >= end
            ]
            rows.append(
                {
                    "quarter": quarter,
                    "year": year,
                    "during": len(during),
                    "at_end": len(at_end),
                    "area_at_end": sum(v.area_m2 for v in at_end),
                    "units": stock.get((quarter.pk, year)),
                    "rate": round(100 * len(at_end) / stock[(quarter.pk, year)], 1)
                    if stock.get((quarter.pk, year))
                    else None,
                }
            )
    return rows
