"""Figures for the finance chart, the exports, the map and the timeline of one quarter.

The chart, its table, the CSV and the XLSX all read the same funding lines
(`FundingLine.objects.for_quarter`), so their totals agree by construction (and by test).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from quartier.core.csv import Column, CsvVariant, csv_text
from quartier.core.geo import MapFrame
from quartier.quarters.models import Quarter

from .models import ActionField, FundingLine, FundingSource, Measure

CHART_WIDTH = 640
CHART_HEIGHT = 240
CHART_LEFT = 70
CHART_BOTTOM = 28


def _nice_max(value: Decimal) -> Decimal:
    """Round the axis maximum up to 1, 2 or 5 times a power of ten."""
    if value <= 0:
        return Decimal("1")
    magnitude = Decimal(10) ** (len(str(int(value))) - 1)
    for step in (1, 2, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def finance_overview(quarter: Quarter, *, public: bool = True) -> dict:
    """Planned vs spent by year and by source, with the bar geometry for the SVG chart."""
    lines = FundingLine.objects.for_quarter(quarter, public=public)
    by_year = [
        {
            "year": row["year"],
            "planned": row["planned_sum"],
            "spent": row["spent_sum"],
        }
        for row in lines.totals_by("year")
    ]
    labels = dict(FundingSource.choices)
    by_source = [
        {
            "source": row["source"],
            "label": labels.get(row["source"], row["source"]),
            "planned": row["planned_sum"],
            "spent": row["spent_sum"],
        }
        for row in lines.totals_by("source")
    ]
    total_planned = sum((row["planned"] for row in by_year), Decimal("0"))
    total_spent = sum((row["spent"] for row in by_year), Decimal("0"))
    for row in by_source:
        row["share"] = (
            round(row["planned"] / total_planned * 100) if total_planned else 0
        )
    return {
        "by_year": by_year,
        "by_source": by_source,
        "total_planned": total_planned,
        "total_spent": total_spent,
        "chart": _bar_chart(by_year),
    }


def _bar_chart(by_year: Sequence[dict]) -> dict | None:
    if not by_year:
        return None
    top = _nice_max(max(max(r["planned"], r["spent"]) for r in by_year))
    plot_h = CHART_HEIGHT - CHART_BOTTOM - 10
    plot_w = CHART_WIDTH - CHART_LEFT - 10
    slot = plot_w / len(by_year)
    bar = min(28.0, slot * 0.35)
    groups = []
    for i, row in enumerate(by_year):
        x = CHART_LEFT + i * slot + slot / 2
        bars = []
        for offset, key in ((-bar, "planned"), (0, "spent")):
            height = float(row[key] / top) * plot_h
            bars.append(
                {
                    "kind": key,
                    "x": round(x + offset, 1),
                    "y": round(10 + plot_h - height, 1),
                    "width": round(bar, 1),
                    "height": round(height, 1),
                    "value": row[key],
                }
            )
        groups.append({"year": row["year"], "label_x": round(x, 1), "bars": bars})
    ticks = [
        {"value": top * k / 4, "y": round(10 + plot_h - plot_h * k / 4, 1)}
        for k in range(5)
    ]
    return {
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "left": CHART_LEFT,
        "right": CHART_WIDTH - 10,
        "baseline": 10 + plot_h,
        "label_y": CHART_HEIGHT - 8,
        "groups": groups,
        "ticks": ticks,
    }


def export_columns() -> list[Column]:
    return [
        Column("quarter", _("Quartier")),
        Column("measure_id", _("Maßnahme-Nr.")),
        Column("measure", _("Maßnahme")),
        Column("status", _("Stand")),
        Column("action_fields", _("Handlungsfelder")),
        Column("source", _("Mittelgeber")),
        Column("year", _("Jahr")),
        Column("planned_eur", _("geplant (EUR)")),
        Column("spent_eur", _("ausgegeben (EUR)")),
        Column("note", _("Hinweis")),
    ]


def export_rows(quarter: Quarter, *, public: bool = True) -> list[list]:
    """One row per funding line (measure × source × year), for Verwendungsnachweise.

    Walks the same measures as `FundingLine.objects.for_quarter` (public ones, or all
    for the team), so the sums equal the chart's.
    """
    measures = Measure.objects.public() if public else Measure.objects.all()
    measures = (
        measures.filter(quarter=quarter)
        .only("pk", "title", "status", "sort_order", "quarter_id")
        .prefetch_related(
            Prefetch("action_fields", ActionField.objects.only("pk", "title")),
            Prefetch("funding", FundingLine.objects.order_by("year", "source")),
        )
        .order_by("sort_order", "title")
    )
    statuses = {value: str(label) for value, label in Measure.Status.choices}
    sources = {value: str(label) for value, label in FundingSource.choices}
    rows = []
    for measure in measures:
        fields = "; ".join(f.label for f in measure.action_fields.all())
        for line in measure.funding.all():
            rows.append(
                [
                    quarter.name,
                    measure.pk,
                    measure.title,
                    statuses[measure.status],
                    fields,
                    sources[line.source],
                    line.year,
                    line.planned,
                    line.spent,
                    line.note,
                ]
            )
    return rows


def export_csv(quarter: Quarter, *, public: bool = True, variant: CsvVariant) -> str:
    """One row per funding line and a sum row, in the requested CSV variant."""
    rows = export_rows(quarter, public=public)
    total = ["", "", _("Summe"), "", "", "", "", *_sums(rows), ""]
    return csv_text(export_columns(), [*rows, total], variant=variant)


def export_xlsx(quarter: Quarter, *, public: bool = True) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    rows = export_rows(quarter, public=public)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Maßnahmen")
    sheet.append([str(column.label) for column in export_columns()])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    planned, spent = _sums(rows)
    sheet.append(["", "", _("Summe"), "", "", "", "", planned, spent, ""])
    for column in ("H", "I"):
        for cell in sheet[column][1:]:
            cell.number_format = "#,##0.00"
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sums(rows: Sequence[Sequence]) -> tuple[Decimal, Decimal]:
    return (
        sum((row[7] for row in rows), Decimal("0")),
        sum((row[8] for row in rows), Decimal("0")),
    )


def measures_map(quarter: Quarter, measures: Sequence[Measure]) -> dict:
    """The quarter with every located measure: points as numbered pins, lines, areas."""
    frame = MapFrame.around([quarter.shape], width=600, margin=0.12)
    items = []
    for measure in measures:
        shape = measure.shape
        if shape is None:
            continue
        anchor = shape if shape.geom_type == "Point" else shape.representative_point()
        x, y = frame.xy(anchor.x, anchor.y)
        items.append(
            {
                "measure": measure,
                "number": len(items) + 1,
                "kind": shape.geom_type,
                "d": "" if shape.geom_type == "Point" else frame.path(shape),
                "x": x,
                "y": y,
            }
        )
    return {"frame": frame, "quarter_d": frame.path(quarter.shape), "items": items}


@dataclass
class TimelineRow:
    measure: Measure
    start: dt.date
    end: dt.date
    open_end: bool
    x: float
    width: float
    y: float


def timeline(measures: Sequence[Measure], *, width: int = 640, row_h: int = 36):
    """Gantt-like rows from start to end; an open end runs to the end of this year."""
    today = timezone.localdate()
    dated = [m for m in measures if m.start or m.end]
    if not dated:
        return None
    starts = [m.start or m.end for m in dated]
    ends = [m.end or dt.date(today.year, 12, 31) for m in dated]
    first = dt.date(min(starts).year, 1, 1)
    last = dt.date(max(*(e.year for e in ends), today.year) + 1, 1, 1)
    label_w = 0
    span = (last - first).days
    plot_w = width - label_w - 10

    def x_of(day: dt.date) -> float:
        return round(label_w + (day - first).days / span * plot_w, 1)

    rows = []
    for i, measure in enumerate(dated):
        start = measure.start or measure.end
        end = measure.end or max(dt.date(today.year, 12, 31), start)
        x = x_of(start)
        rows.append(
            TimelineRow(
                measure=measure,
                start=start,
                end=end,
                open_end=measure.end is None,
                x=x,
                width=max(4.0, round(x_of(end) - x, 1)),
                y=30 + i * row_h,
            )
        )
    years = [
        {"year": year, "x": x_of(dt.date(year, 1, 1))}
        for year in range(first.year, last.year)
    ]
    return {
        "rows": rows,
        "years": years,
        "width": width,
        "height": 40 + len(rows) * row_h,
        "bar_h": 12,
        "today_x": x_of(today) if first <= today <= last else None,
        "bottom": 30 + len(rows) * row_h,
    }
