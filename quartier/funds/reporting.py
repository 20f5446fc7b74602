"""Figures for the yearly funding report: table, SVG chart, CSV and XLSX."""

from __future__ import annotations

import io
from decimal import Decimal

from django.db.models import Q
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from quartier.core import csv
from quartier.core.csv import Column

from .models import COMMITTED_STATES, ZERO, Fund, FundApplication, Status

CHART_WIDTH = 600
BAR_HEIGHT = 28
LABEL_WIDTH = 220


def report_years(fund: Fund) -> list[int]:
    years = set(
        fund.applications.exclude(budget_year=None).values_list(
            "budget_year", flat=True
        )
    )
    years.add(timezone.localdate().year)
    return sorted(years, reverse=True)


def _empty_row(label: str) -> dict:
    return {
        "label": label,
        "applications": 0,
        "approved": 0,
        "approved_amount": ZERO,
        "paid_amount": ZERO,
        "spent_amount": ZERO,
    }


def fund_report(fund: Fund, year: int) -> dict:
    """Applications of `year` (decided in it, or submitted in it and undecided)."""
    applications = (
        fund.applications.exclude(status=Status.DRAFT)
        .filter(
            Q(budget_year=year) | Q(budget_year__isnull=True, submitted_at__year=year)
        )
        .prefetch_related("payments")
    )
    categories = dict(FundApplication.Category.choices)
    types = dict(FundApplication.ApplicantType.choices)
    total = _empty_row(_("Summe"))
    by_category = {key: _empty_row(label) for key, label in categories.items()}
    by_type = {key: _empty_row(label) for key, label in types.items()}
    for application in applications:
        rows = [
            total,
            by_category.setdefault(
                application.category, _empty_row(_("ohne Themenfeld"))
            ),
            by_type[application.applicant_type],
        ]
        approved = application.status in COMMITTED_STATES
        for row in rows:
            row["applications"] += 1
            if approved:
                row["approved"] += 1
                row["approved_amount"] += application.approved_amount
                row["paid_amount"] += application.paid_total
                row["spent_amount"] += application.spent_total or ZERO
    return {
        "total": total,
        "by_category": list(by_category.values()),
        "by_type": list(by_type.values()),
        "budget": fund.yearly_budget,
        "left": fund.left(year),
    }


def bar_chart(rows: list[dict]) -> dict:
    """Horizontal bars of approved euros; the page shows the same data as a table."""
    peak = max((row["approved_amount"] for row in rows), default=ZERO) or Decimal(1)
    span = CHART_WIDTH - LABEL_WIDTH - 80
    bars = []
    for index, row in enumerate(rows):
        y = 10 + index * (BAR_HEIGHT + 8)
        width = float(row["approved_amount"] / peak) * span
        bars.append(
            {
                "label": row["label"],
                "value": row["approved_amount"],
                "y": y,
                "text_y": y + BAR_HEIGHT * 0.68,
                "x": LABEL_WIDTH,
                "width": round(width, 1),
                "value_x": round(LABEL_WIDTH + width + 6, 1),
            }
        )
    return {
        "width": CHART_WIDTH,
        "height": 20 + len(rows) * (BAR_HEIGHT + 8),
        "bar_height": BAR_HEIGHT,
        "label_x": LABEL_WIDTH - 8,
        "bars": bars,
    }


def _columns() -> list[Column]:
    return [
        Column("group", _("Gruppe")),
        Column("label", _("Bezeichnung")),
        Column("applications", _("Anträge")),
        Column("approvals", _("Bewilligungen")),
        Column("approved_eur", _("Bewilligt (Euro)")),
        Column("paid_eur", _("Ausgezahlt (Euro)")),
        Column("spent_eur", _("Ausgegeben laut Nachweis (Euro)")),
    ]


def _rows(report: dict) -> list[list]:
    lines = []
    for group, rows in (
        (_("Themenfeld"), report["by_category"]),
        (_("Antragsteller*innen"), report["by_type"]),
        (_("Gesamt"), [report["total"]]),
    ):
        for row in rows:
            lines.append(
                [
                    group,
                    str(row["label"]),
                    row["applications"],
                    row["approved"],
                    row["approved_amount"],
                    row["paid_amount"],
                    row["spent_amount"],
                ]
            )
    return lines


def _filename(fund: Fund, year: int, ext: str) -> str:
    return f"verfuegungsfonds-{fund.slug}-{year}.{ext}"


def csv_response(request, fund: Fund, year: int, report: dict) -> HttpResponse:
    return csv.csv_response(
        request, _filename(fund, year, "csv"), _columns(), _rows(report)
    )


def xlsx_response(fund: Fund, year: int, report: dict) -> HttpResponse:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(year)
    sheet.append([str(column.label) for column in _columns()])
    for line in _rows(report):
        sheet.append([float(v) if isinstance(v, Decimal) else v for v in line])
    for row in sheet.iter_rows(min_row=2, min_col=5, max_col=7):
        for cell in row:
            cell.number_format = "#,##0.00"
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{_filename(fund, year, "xlsx")}"'
    )
    return response
