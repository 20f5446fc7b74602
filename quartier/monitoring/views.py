from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from quartier.core.csv import GERMAN_SPREADSHEET, MACHINE, Column, csv_text

from . import figures
from .csvio import CSV_KEYS_DE, CSV_KEYS_EN, exact_number
from .forms import ImportForm, MapForm
from .models import (
    SUPPRESSION_SIGNS,
    Area,
    AreaIndex,
    ImportRun,
    Indicator,
    Level,
    StatusClass,
    Value,
)
from .permissions import can_import_values
from .services import values_import

LINE_STYLES = ["series-1", "series-2", "series-3", "series-4", "series-5"]


@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    """Start page: the index classes of the compared areas and the method."""
    scheme = figures.default_scheme()
    results, date = [], None
    if scheme is not None:
        date = (
            AreaIndex.objects.filter(scheme=scheme)
            .order_by("-date")
            .values_list("date", flat=True)
            .first()
        )
        results = list(
            AreaIndex.objects.filter(scheme=scheme, date=date)
            .select_related("area")
            .order_by("status_class", "dynamics_class", "area__name")
        )
    areas = list(Area.objects.exclude(level=Level.PLANNING_AREA))
    return TemplateResponse(
        request,
        "monitoring/overview.html",
        {
            "scheme": scheme,
            "results": results,
            "date": date,
            "status_classes": StatusClass.choices,
            "areas": areas,
            "indicator_count": Indicator.objects.count(),
        },
    )


@require_GET
def area_detail(request: HttpRequest, code: str) -> HttpResponse:
    """One area's figures: a table first, a comparison chart second."""
    area = get_object_or_404(
        Area.objects.select_related("quarter", "parent"), code=code
    )
    rows = figures.area_figures(area)
    return TemplateResponse(
        request,
        "monitoring/area_detail.html",
        {
            "area": area,
            "figures": rows,
            "chart": figures.comparison_chart(rows),
            "index": figures.latest_index(area),
            "has_demo": any(f.latest.is_demo for f in rows),
        },
    )


@require_GET
def indicator_list(request: HttpRequest) -> HttpResponse:
    indicators = list(Indicator.objects.all())
    themes = {}
    for indicator in indicators:
        themes.setdefault(indicator.get_theme_display(), []).append(indicator)
    return TemplateResponse(
        request, "monitoring/indicator_list.html", {"themes": themes.items()}
    )


def _series_areas(indicator: Indicator) -> list[Area]:
    """City, quarters and districts: the lines a resident compares (planning areas are
    many; they are in the CSV)."""
    return list(
        Area.objects.filter(
            level__in=[Level.CITY, Level.QUARTER, Level.DISTRICT],
            values__indicator=indicator,
        ).distinct()
    )


@require_GET
def indicator_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Time series of one indicator: table of all areas, chart of city and quarters."""
    indicator = get_object_or_404(Indicator, slug=slug)
    areas = _series_areas(indicator)
    values = Value.objects.filter(indicator=indicator, area__in=areas).order_by("date")
    by_area: dict[int, dict[dt.date, Value]] = {}
    dates: list[dt.date] = []
    for value in values:
        by_area.setdefault(value.area_id, {})[value.date] = value
        if value.date not in dates:
            dates.append(value.date)
    charted = [a for a in areas if a.level in (Level.CITY, Level.QUARTER)][:5]
    chart = figures.line_chart(
        [
            figures.Series(
                label=area.name,
                css=LINE_STYLES[index],
                points=[
                    (d, figures._number(v.value)) for d, v in by_area[area.pk].items()
                ],
            )
            for index, area in enumerate(charted)
        ]
    )
    table = [
        {"area": area, "cells": [by_area.get(area.pk, {}).get(d) for d in dates]}
        for area in sorted(
            areas,
            key=lambda a: (a.level != Level.CITY, a.level != Level.QUARTER, a.name),
        )
    ]
    return TemplateResponse(
        request,
        "monitoring/indicator_detail.html",
        {
            "indicator": indicator,
            "dates": dates,
            "table": table,
            "chart": chart,
            "charted": charted,
            "has_demo": any(v.is_demo for v in values),
        },
    )


@require_GET
def indicator_csv(request: HttpRequest, slug: str, variant: str = "de") -> HttpResponse:
    """All values of one indicator; German spreadsheet or machine-readable CSV."""
    indicator = get_object_or_404(Indicator, slug=slug)
    german = variant == "de"
    values = (
        Value.objects.filter(indicator=indicator)
        .select_related("area")
        .order_by("area__level", "area__code", "date")
    )
    columns = [Column(key, key) for key in (CSV_KEYS_DE if german else CSV_KEYS_EN)]
    rows = (
        [
            v.area.code,
            v.area.name,
            v.area.level,
            indicator.slug,
            v.date,
            exact_number(v.value)
            if v.value is not None
            else SUPPRESSION_SIGNS.get(v.suppressed, ""),
            v.get_status_display() if german else v.status,
            v.note or (v.get_suppressed_display() if v.suppressed else ""),
            indicator.get_unit_display() if german else indicator.unit,
            v.source or indicator.source,
            indicator.licence,
            v.is_demo,
        ]
        for v in values.iterator(chunk_size=5000)
    )
    name = indicator.slug + ("" if german else "-machine-readable")
    variant = GERMAN_SPREADSHEET if german else MACHINE
    response = HttpResponse(
        csv_text(columns, rows, variant=variant),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response


@require_GET
def area_map(request: HttpRequest) -> HttpResponse:
    """Choropleth of one indicator at one level and date; a GET form picks them."""
    form = MapForm(request.GET or None)
    if request.GET and not form.is_valid():
        return TemplateResponse(
            request, "monitoring/area_map.html", {"form": form, "map": {}}, status=400
        )
    choice = form.choice()
    if choice is None:
        return TemplateResponse(
            request, "monitoring/area_map.html", {"form": form, "map": {}}
        )
    indicator, level, date, method = choice
    return TemplateResponse(
        request,
        "monitoring/area_map.html",
        {
            "form": form,
            "indicator": indicator,
            "level_label": Level(level).label,
            "date": date,
            "map": figures.choropleth(indicator, level, date, method),
        },
    )


# --- Admin (registered in wagtail_hooks.py) -----------------------------------------


def admin_import(request: HttpRequest) -> HttpResponse:
    """Upload a value file: a validation report first; stored only if every row passes."""
    if not can_import_values(request.user):
        raise Http404
    report = None
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            report = values_import(
                data=upload.read(),
                filename=upload.name,
                user=request.user,
                dry_run=form.cleaned_data["check_only"],
            )
            if report.stored:
                messages.success(
                    request,
                    _(
                        "Import gespeichert: %(created)s neue, %(updated)s geänderte, "
                        "%(unchanged)s unveränderte Werte; Index neu berechnet."
                    )
                    % {
                        "created": report.created,
                        "updated": report.updated,
                        "unchanged": report.unchanged,
                    },
                )
                return redirect("monitoring_import:index")
    else:
        form = ImportForm()
    return TemplateResponse(
        request,
        "monitoring/admin/import.html",
        {
            "form": form,
            "report": report,
            "errors": report.parsed.errors[:300] if report else [],
            "history": ImportRun.objects.select_related("created_by")[:25],
        },
    )
