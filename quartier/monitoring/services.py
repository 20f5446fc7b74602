"""Writes of the monitoring: importing value files, computing the index and portal figures."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from quartier.community.models import CommercialStock, Opportunity, Vacancy
from quartier.community.reports import vacancy_counts_by_year
from quartier.events.models import Occurrence
from quartier.participation.models import Idea

from . import index as index_math
from .csvio import ParsedFile, Problem, read_values
from .models import (
    Area,
    AreaIndex,
    ImportRun,
    IndexScheme,
    Indicator,
    Level,
    Value,
)


@dataclass
class ImportReport:
    """What an import found and did; `run` is None when nothing was stored."""

    parsed: ParsedFile
    checksum: str
    run: ImportRun | None = None
    duplicate_of: ImportRun | None = None
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    dry_run: bool = False
    indices: int = 0
    errors: list[Problem] = field(default_factory=list)

    @property
    def stored(self) -> bool:
        return self.run is not None


def _changed(existing: Value, row) -> bool:
    return (
        existing.value != row.value
        or existing.suppressed != row.suppressed
        or existing.status != row.status
        or existing.note != row.note
    )


@transaction.atomic
def values_import(
    *, data: bytes, filename: str, user=None, dry_run: bool = False
) -> ImportReport:
    """Check a value file and, if every row passes, store all of it; else store nothing.

    Runs in one transaction: either every row is written, the import is logged with
    its SHA-256 checksum and the indices are recomputed, or nothing changes. A file
    whose checksum was imported before changes nothing and is not logged again.
    Existing values (same area, indicator and date) are updated in place, so a
    corrected file replaces what an earlier one said.
    """
    checksum = hashlib.sha256(data).hexdigest()
    parsed = read_values(data)
    report = ImportReport(parsed=parsed, checksum=checksum, dry_run=dry_run)
    if not parsed.is_valid:
        return report
    report.duplicate_of = ImportRun.objects.filter(checksum=checksum).first()
    keys = {(r.area.pk, r.indicator.pk, r.date) for r in parsed.rows}
    existing = {
        (v.area_id, v.indicator_id, v.date): v
        for v in Value.objects.filter(
            indicator__in={r.indicator.pk for r in parsed.rows},
            area__in={r.area.pk for r in parsed.rows},
            date__in={r.date for r in parsed.rows},
        )
        if (v.area_id, v.indicator_id, v.date) in keys
    }
    to_create, to_update = [], []
    for row in parsed.rows:
        value = existing.get((row.area.pk, row.indicator.pk, row.date))
        if value is None:
            to_create.append(row)
        elif _changed(value, row):
            to_update.append((value, row))
    report.created, report.updated = len(to_create), len(to_update)
    report.unchanged = len(parsed.rows) - report.created - report.updated
    if dry_run or report.duplicate_of:
        return report

    run = ImportRun.objects.create(
        created_by=user if user is not None and user.is_authenticated else None,
        filename=filename[:255],
        checksum=checksum,
        rows=len(parsed.rows),
        created=report.created,
        updated=report.updated,
        unchanged=report.unchanged,
        suppressed=sum(1 for r in parsed.rows if r.suppressed),
    )
    Value.objects.bulk_create(
        [
            Value(
                area=row.area,
                indicator=row.indicator,
                date=row.date,
                value=row.value,
                suppressed=row.suppressed,
                status=row.status,
                note=row.note,
                import_run=run,
            )
            for row in to_create
        ],
        batch_size=2000,
    )
    for value, row in to_update:
        value.value, value.suppressed = row.value, row.suppressed
        value.status, value.note, value.import_run = row.status, row.note, run
        value.is_demo = False
    Value.objects.bulk_update(
        [v for v, _ in to_update],
        ["value", "suppressed", "status", "note", "import_run", "is_demo"],
        batch_size=2000,
    )
    report.run = run
    report.indices = index_recompute(indicators={r.indicator.pk for r in parsed.rows})
    return report


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


@transaction.atomic
def index_recompute(*, scheme: IndexScheme | None = None, indicators=None) -> int:
    """Recompute the status and dynamics index of every scheme (or one) at every date.

    With `indicators` (ids), only schemes using one of them are recomputed. Replaces
    the scheme's stored results; returns how many area results were written.
    """
    schemes = [scheme] if scheme else list(IndexScheme.objects.all())
    written = 0
    for current in schemes:
        components = list(current.components.select_related("indicator"))
        ids = {c.indicator_id for c in components}
        if indicators is not None and not ids & set(indicators):
            continue
        AreaIndex.objects.filter(scheme=current).delete()
        if not components:
            continue
        weights = {c.indicator_id: float(c.weight) for c in components}
        signs = {
            c.indicator_id: -1
            if c.indicator.direction == Indicator.Direction.HIGHER_IS_BETTER
            else 1
            for c in components
        }
        # date → indicator → area → value; suppressed values are left out.
        table: dict[dt.date, dict[int, dict[int, float]]] = {}
        rows = Value.objects.filter(
            indicator__in=ids, area__level__in=current.levels, suppressed=""
        ).values_list("date", "indicator_id", "area_id", "value")
        for date, indicator_id, area_id, value in rows:
            table.setdefault(date, {}).setdefault(indicator_id, {})[area_id] = float(
                value
            )
        results = []
        for date in sorted(table):
            by_indicator = table[date]
            if set(by_indicator) != ids:
                continue
            status = index_math.composite(by_indicator, weights, signs)
            dynamics = {}
            earlier = _period_before(table, date, current.period_years)
            if earlier is not None and set(table[earlier]) == ids:
                changes = {
                    indicator_id: {
                        area: values[area] - table[earlier][indicator_id][area]
                        for area in values
                        if area in table[earlier][indicator_id]
                    }
                    for indicator_id, values in by_indicator.items()
                }
                dynamics = index_math.composite(changes, weights, signs)
            for area_id, score in status.items():
                dynamic = dynamics.get(area_id)
                results.append(
                    AreaIndex(
                        scheme=current,
                        area_id=area_id,
                        date=date,
                        status_score=round(score, 4),
                        status_class=index_math.classify(
                            score, current.status_thresholds
                        ),
                        dynamics_score=None if dynamic is None else round(dynamic, 4),
                        dynamics_class=None
                        if dynamic is None
                        else index_math.classify(dynamic, current.dynamics_thresholds),
                    )
                )
        AreaIndex.objects.bulk_create(results, batch_size=2000)
        written += len(results)
    return written


def _period_before(table, date: dt.date, years: int) -> dt.date | None:
    """The date `years` earlier with data, within a month of the exact anniversary."""
    try:
        target = date.replace(year=date.year - years)
    except ValueError:  # 29 February
        target = date.replace(year=date.year - years, day=28)
    candidates = [d for d in table if abs((d - target).days) <= 31]
    return min(candidates, key=lambda d: abs((d - target).days)) if candidates else None


# --- Figures computed by the portal ------------------------------------------------


def _inhabitants(area: Area, year: int) -> Decimal | None:
    """Inhabitants of the area at the end of `year` or the latest date before it."""
    value = (
        Value.objects.filter(
            area=area,
            indicator__slug=PORTAL_BASE,
            date__lte=dt.date(year, 12, 31),
            suppressed="",
        )
        .order_by("-date")
        .values_list("value", flat=True)
        .first()
    )
    if value is None and area.quarter and area.quarter.inhabitants:
        value = Decimal(area.quarter.inhabitants)
    return value


PORTAL_BASE = "einwohner"


@transaction.atomic
def portal_figures_compute(*, years=None, today: dt.date | None = None) -> int:
    """Per quarter and year: ideas, event dates and volunteering offers per 1,000
    inhabitants, and the commercial vacancy rate from the vacancy register.

    Writes one value per quarter area, indicator and year (31 December; the running
    year as provisional, dated today). Returns how many values were written.
    """

    today = today or timezone.localdate()
    indicators = {i.slug: i for i in Indicator.objects.filter(is_computed=True)}
    areas = list(
        Area.objects.filter(level=Level.QUARTER, quarter__isnull=False).select_related(
            "quarter"
        )
    )
    if not indicators or not areas:
        return 0
    if years is None:
        # From the portal's first year on: before it, a zero would be no measurement.
        firsts = [
            Idea.objects.order_by("created_at")
            .values_list("created_at", flat=True)
            .first(),
            Occurrence.objects.order_by("starts_at")
            .values_list("starts_at", flat=True)
            .first(),
            Opportunity.objects.order_by("created_at")
            .values_list("created_at", flat=True)
            .first(),
        ]
        known = [f.year for f in firsts if f is not None]
        if not known:
            return 0
        years = range(max(min(known), today.year - 9), today.year + 1)
    years = list(years)
    stock = {(s.quarter_id, s.year): s.units for s in CommercialStock.objects.all()}
    vacancy_rows = {
        (row["quarter"].pk, row["year"]): row
        for row in vacancy_counts_by_year(
            Vacancy.objects.select_related("quarter"), stock
        )
    }
    written = 0
    for area in areas:
        quarter = area.quarter
        for year in years:
            start, end = dt.date(year, 1, 1), min(dt.date(year, 12, 31), today)
            start_at = dt.datetime.combine(start, dt.time(), tzinfo=dt.UTC)
            end_at = dt.datetime.combine(end, dt.time.max, tzinfo=dt.UTC)
            counts = {
                "ideen-je-1000": Idea.objects.visible()
                .filter(quarter=quarter, created_at__range=(start_at, end_at))
                .count(),
                "termine-je-1000": Occurrence.objects.public()
                .filter(
                    event__quarters=quarter,
                    starts_at__range=(start_at, end_at),
                    status=Occurrence.Status.SCHEDULED,
                )
                .count(),
                "engagement-je-1000": Opportunity.objects.filter(
                    quarter=quarter, created_at__range=(start_at, end_at)
                ).count(),
            }
            inhabitants = _inhabitants(area, year)
            figures: dict[str, Decimal | None] = {}
            for slug, count in counts.items():
                figures[slug] = (
                    (Decimal(count) * 1000 / inhabitants).quantize(Decimal("0.01"))
                    if inhabitants
                    else None
                )
            vacancy = vacancy_rows.get((quarter.pk, year))
            figures["leerstand-gewerbe"] = (
                Decimal(str(vacancy["rate"]))
                if vacancy and vacancy["rate"] is not None
                else None
            )
            status = (
                Value.Status.FINAL
                if end.year < today.year
                else (Value.Status.PROVISIONAL)
            )
            for slug, figure in figures.items():
                indicator = indicators.get(slug)
                if indicator is None or figure is None:
                    continue
                Value.objects.update_or_create(
                    area=area,
                    indicator=indicator,
                    date=end
                    if status == Value.Status.PROVISIONAL
                    else dt.date(year, 12, 31),
                    defaults={"value": figure, "status": status, "suppressed": ""},
                )
                written += 1
            # A provisional figure of an earlier day of the running year is outdated.
            if year == today.year:
                Value.objects.filter(
                    area=area,
                    indicator__in=indicators.values(),
                    date__year=year,
                    status=Value.Status.PROVISIONAL,
                ).exclude(date=end).delete()
    return written
