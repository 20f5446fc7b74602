"""Read-only open data: fields of action, goals, measures, locations, money."""

from datetime import date
from decimal import Decimal

from django.http import HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema

from quartier.core.geo import feature_collection
from quartier.core.licence import licence_info
from quartier.quarters.models import Quarter

from . import reports
from .models import ActionField, FundingSource, Goal, Measure

router = Router(tags=["measures"])


class Licence(Schema):
    id: str
    name: str
    url: str


class GoalOut(Schema):
    id: int
    title: str
    action_field_id: int
    quarter: str


class ActionFieldOut(Schema):
    id: int
    quarter: str
    title: str
    goals: list[GoalOut]


class ActionFieldList(Schema):
    license: Licence
    attribution: str
    dataset: str
    count: int
    items: list[ActionFieldOut]


class GoalList(Schema):
    license: Licence
    attribution: str
    dataset: str
    count: int
    items: list[GoalOut]


class FundingOut(Schema):
    source: FundingSource
    year: int
    planned: Decimal
    spent: Decimal


class MeasureOut(Schema):
    id: int
    quarter: str
    title: str
    summary: str
    status: Measure.Status
    status_label: str
    progress: int
    planned_start: date | None
    planned_end: date | None
    actual_start: date | None
    actual_end: date | None
    responsible: str
    action_field_ids: list[int]
    goal_ids: list[int]
    planned_total: Decimal
    spent_total: Decimal
    is_demo: bool
    url: str


class MeasureDetail(MeasureOut):
    license: Licence
    attribution: str
    dataset: str
    what_changes: str
    location: dict | None
    funding: list[FundingOut]


class MeasureList(Schema):
    license: Licence
    attribution: str
    dataset: str
    count: int
    items: list[MeasureOut]


class MeasureFilters(Schema):
    quarter: str | None = None
    status: Measure.Status | None = None
    field: int | None = None


class FinanceRow(Schema):
    planned: Decimal
    spent: Decimal


class FinanceYear(FinanceRow):
    year: int


class FinanceSource(FinanceRow):
    source: FundingSource
    label: str


class FinanceOut(Schema):
    license: Licence
    attribution: str
    dataset: str
    quarter: str
    total_planned: Decimal
    total_spent: Decimal
    by_year: list[FinanceYear]
    by_source: list[FinanceSource]


def _measure_data(measure: Measure) -> dict:
    return {
        "id": measure.pk,
        "quarter": measure.quarter.slug,
        "title": measure.title,
        "summary": measure.summary,
        "status": measure.status,
        "status_label": str(measure.get_status_display()),
        "progress": measure.progress,
        "planned_start": measure.planned_start,
        "planned_end": measure.planned_end,
        "actual_start": measure.actual_start,
        "actual_end": measure.actual_end,
        "responsible": measure.responsible,
        "action_field_ids": [f.pk for f in measure.action_fields.all()],
        "goal_ids": [g.pk for g in measure.goals.all()],
        "planned_total": measure.planned_total,
        "spent_total": measure.spent_total,
        "is_demo": measure.is_demo,
        "url": measure.get_absolute_url(),
    }


def _public_fields():
    return ActionField.objects.filter(quarter__in=Quarter.objects.public())


@router.get("/fields/", response=ActionFieldList, summary="Handlungsfelder mit Zielen")
def list_fields(request: HttpRequest, quarter: str | None = None):
    fields = _public_fields().select_related("quarter").prefetch_related("goals")
    if quarter:
        fields = fields.filter(quarter__slug=quarter)
    items = [
        {
            "id": f.pk,
            "quarter": f.quarter.slug,
            "title": f.title,
            "goals": [
                {
                    "id": g.pk,
                    "title": g.title,
                    "action_field_id": f.pk,
                    "quarter": f.quarter.slug,
                }
                for g in f.goals.all()
            ],
        }
        for f in fields
    ]
    return {**licence_info(request.path), "count": len(items), "items": items}


@router.get("/goals/", response=GoalList, summary="Ziele")
def list_goals(request: HttpRequest, quarter: str | None = None):
    goals = Goal.objects.filter(action_field__in=_public_fields()).select_related(
        "action_field__quarter"
    )
    if quarter:
        goals = goals.filter(action_field__quarter__slug=quarter)
    items = [
        {
            "id": g.pk,
            "title": g.title,
            "action_field_id": g.action_field_id,
            "quarter": g.action_field.quarter.slug,
        }
        for g in goals
    ]
    return {**licence_info(request.path), "count": len(items), "items": items}


def _measures(filters: MeasureFilters):
    measures = (
        Measure.objects.public()
        .select_related("quarter")
        .prefetch_related("action_fields", "goals")
        .with_totals()
        .order_by("quarter__sort_order", "sort_order", "title")
    )
    if filters.quarter:
        measures = measures.filter(quarter__slug=filters.quarter)
    if filters.status:
        measures = measures.filter(status=filters.status)
    if filters.field:
        measures = measures.filter(action_fields=filters.field)
    return measures


@router.get("/", response=MeasureList, summary="Maßnahmen (filterbar)")
def list_measures(request: HttpRequest, filters: Query[MeasureFilters]):
    items = [_measure_data(m) for m in _measures(filters)]
    return {**licence_info(request.path), "count": len(items), "items": items}


@router.get(
    "/locations.geojson",
    response=dict,
    summary="Orte der Maßnahmen als GeoJSON (RFC 7946)",
    openapi_extra={"responses": {200: {"content": {"application/geo+json": {}}}}},
)
def measure_locations(request: HttpRequest, filters: Query[MeasureFilters]):
    features = [
        {
            "type": "Feature",
            "id": m.pk,
            "geometry": m.location,
            "properties": {
                "title": m.title,
                "quarter": m.quarter.slug,
                "status": m.status,
                "status_label": str(m.get_status_display()),
                "url": m.get_absolute_url(),
            },
        }
        for m in _measures(filters).filter(location__isnull=False)
    ]
    body = feature_collection(features, **licence_info(request.path))
    return JsonResponse(body, content_type="application/geo+json")


@router.get(
    "/finance/{quarter_slug}/",
    response=FinanceOut,
    summary="Finanzen eines Quartiers: geplant und ausgegeben nach Jahr und Mittelgeber",
)
def quarter_finance(request: HttpRequest, quarter_slug: str):
    quarter = get_object_or_404(Quarter.objects.public(), slug=quarter_slug)
    finance = reports.finance_overview(quarter)
    return {
        **licence_info(request.path),
        "quarter": quarter.slug,
        "total_planned": finance["total_planned"],
        "total_spent": finance["total_spent"],
        "by_year": finance["by_year"],
        "by_source": [
            {**row, "label": str(row["label"])} for row in finance["by_source"]
        ],
    }


@router.get("/{measure_id}/", response=MeasureDetail, summary="Eine Maßnahme")
def get_measure(request: HttpRequest, measure_id: int):
    measure = get_object_or_404(
        _measures(MeasureFilters()).prefetch_related("funding"), pk=measure_id
    )
    return {
        **_measure_data(measure),
        **licence_info(request.path),
        "what_changes": measure.what_changes,
        "location": measure.location,
        "funding": [
            {
                "source": f.source,
                "year": f.year,
                "planned": f.planned,
                "spent": f.spent,
            }
            for f in measure.funding.all()
        ],
    }
