"""Writes that span models: the change history of measures and the address import."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from decimal import Decimal

from django.db import transaction
from django.db.models import Sum

from .models import Address, FundingSource, Measure, MeasureChange

# Field labels stay German msgids: the history is read by staff in the admin and on the site.
TRACKED_FIELDS = [
    "status",
    "stop_reason",
    "progress",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
    "is_published",
]


def measure_snapshot(measure_pk: int) -> dict[str, str]:
    """What the history compares: tracked fields, money by source, number of updates."""
    measure = Measure.objects.get(pk=measure_pk)
    snapshot = {
        name: "" if getattr(measure, name) is None else str(getattr(measure, name))
        for name in TRACKED_FIELDS
    }
    sums = {
        row["source"]: (row["p"], row["s"])
        for row in measure.funding.values("source").annotate(
            p=Sum("planned"), s=Sum("spent")
        )
    }
    for source in FundingSource:
        planned, spent = sums.get(source.value, (Decimal("0"), Decimal("0")))
        snapshot[f"planned:{source.value}"] = f"{planned:.2f}"
        snapshot[f"spent:{source.value}"] = f"{spent:.2f}"
    snapshot["updates"] = str(measure.updates.count())
    return snapshot


@transaction.atomic
def measure_record_changes(
    *, measure: Measure, before: dict[str, str] | None, user
) -> list[MeasureChange]:
    """Compare the saved measure with `before` and store one MeasureChange per difference.

    `before` is None for a new measure: then only its starting status is recorded.
    """
    after = measure_snapshot(measure.pk)
    if before is None:
        before = {"status": ""}
        after = {"status": after["status"]}
    changes = [
        MeasureChange(
            measure=measure,
            changed_by=user if user and user.is_authenticated else None,
            field=key,
            old_value=before.get(key, "")[:300],
            new_value=value[:300],
        )
        for key, value in after.items()
        if before.get(key, "") != value
    ]
    return MeasureChange.objects.bulk_create(changes)


@transaction.atomic
def addresses_import(*, rows: Iterable[dict[str, str]]) -> tuple[int, int]:
    """Create or update addresses from CSV rows (street, house_number, postcode, lon, lat).

    Returns (created, updated). Raises ValueError naming the line of a bad row, and then
    imports nothing (one transaction).
    """
    created = updated = 0
    for line, row in enumerate(rows, start=2):
        try:
            street = row["street"].strip()
            number = row["house_number"].strip()
            lon, lat = float(row["lon"]), float(row["lat"])
        except (KeyError, ValueError, AttributeError) as error:
            raise ValueError(f"line {line}: {error}") from error
        if not street or not number:
            raise ValueError(f"line {line}: street and house_number are required")
        existing = Address.objects.lookup(street, number).first()
        if existing is None:
            Address.objects.create(
                street=street,
                house_number=number,
                postcode=row.get("postcode", "").strip(),
                longitude=lon,
                latitude=lat,
            )
            created += 1
        elif (existing.longitude, existing.latitude) != (lon, lat):
            existing.longitude, existing.latitude = lon, lat
            existing.save()
            updated += 1
    return created, updated


def read_address_csv(path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))
