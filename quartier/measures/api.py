"""Read-only open data: fields of action, goals, measures, locations, money."""

from datetime import date

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Query, Router, Schema

from quartier.core.api_schema import (
    AbsoluteUrl,
    Feature,
    FeatureCollection,
    Geometry,
    Licensed,
    Money,
    api_enum,
    geojson_doc,
    geojson_response,
)
from quartier.core.inputs import ApiId, ApiText
from quartier.core.licence import licence_info
from quartier.quarters.models import Quarter

from . import reports
from .models import ActionField, FundingSource, Goal, Measure

router = Router(tags=["measures"])
MeasureStatus = api_enum("MeasureStatus", Measure.Status)


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


class ActionFieldList(Licensed):
    count: int
    items: list[ActionFieldOut]


class GoalList(Licensed):
    count: int
    items: list[GoalOut]


class FundingOut(Schema):
    source: FundingSource
    year: int
    planned: Money
    spent: Money


class MeasureOut(Schema):
    id: int
    quarter: str
    title: str
    summary: str
    status: MeasureStatus
    status_label: str
    progress: int
    planned_start: date | None
    planned_end: date | None
    actual_start: date | None
    actual_end: date | None
    responsible: str
    action_field_ids: list[int]
    goal_ids: list[int]
    planned_total: Money
    spent_total: Money
    is_demo: bool
    url: AbsoluteUrl


class MeasureDetail(MeasureOut, Licensed):
    what_changes: str
    location: Geometry | None
    funding: list[FundingOut]


class MeasureList(Licensed):
    count: int
    items: list[MeasureOut]


class MeasureFilters(Schema):
    quarter: ApiText | None = None
    status: MeasureStatus | None = None
    field: ApiId | None = None


class MeasureProperties(Schema):
    title: str
    quarter: str
    status: MeasureStatus
    status_label: str
    url: AbsoluteUrl


class MeasureFeature(Feature):
    id: int
    geometry: Geometry
    properties: MeasureProperties


class MeasureFeatures(FeatureCollection):
    features: list[MeasureFeature]


class FinanceRow(Schema):
    planned: Money
    spent: Money


class FinanceYear(FinanceRow):
    year: int


class FinanceSource(FinanceRow):
    source: FundingSource
    label: str


class FinanceOut(Licensed):
    quarter: str
    total_planned: Money
    total_spent: Money
    by_year: list[FinanceYear]
    by_source: list[FinanceSource]


def _measure_data(measure: Measure, field_ids: list[int], goal_ids: list[int]) -> dict:
    return {
        "id": measure.pk,
        "quarter": measure.quarter.slug,
        "title": measure.title,
        "summary": measure.summary,
        "status": measure.status,
        "status_label": str(measure.status_label),
        "progress": measure.progress,
        "planned_start": measure.planned_start,
        "planned_end": measure.planned_end,
        "actual_start": measure.actual_start,
        "actual_end": measure.actual_end,
        "responsible": measure.responsible,
        "action_field_ids": field_ids,
        "goal_ids": goal_ids,
        "planned_total": measure.planned_total,
        "spent_total": measure.spent_total,
        "is_demo": measure.is_demo,
        "url": measure.get_absolute_url(),
    }


def _links(through, column: str, measure_ids) -> dict[int, list[int]]:
    """measure id → related ids, read from the M2M table without building models.

    Loading ActionField/Goal instances through modelcluster costs seconds at 5,000
    measures (bench/measures.py); the API needs only their ids.
    """
    links: dict[int, list[int]] = {}
    rows = through.objects.filter(measure_id__in=measure_ids).order_by("pk")
    for measure_id, other_id in rows.values_list("measure_id", column):
        links.setdefault(measure_id, []).append(other_id)
    return links


def _measure_items(measures) -> list[dict]:
    measures = list(measures)
    ids = [m.pk for m in measures]
    fields = _links(Measure.action_fields.through, "actionfield_id", ids)
    goals = _links(Measure.goals.through, "goal_id", ids)
    return [
        _measure_data(m, fields.get(m.pk, []), goals.get(m.pk, [])) for m in measures
    ]


def _public_fields():
    return ActionField.objects.filter(quarter__in=Quarter.objects.public())


@router.get("/fields/", response=ActionFieldList, summary="Handlungsfelder mit Zielen")
def list_fields(request: HttpRequest, quarter: ApiText | None = None):
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
def list_goals(request: HttpRequest, quarter: ApiText | None = None):
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
        .defer("description", "what_changes", "location", "stop_reason")
        .with_totals()
        .order_by("quarter__sort_order", "sort_order", "title")
    )
    if filters.quarter:
        measures = measures.filter(quarter__slug=filters.quarter)
    if filters.status:
        measures = measures.filter(status=filters.status.value)
    if filters.field:
        measures = measures.filter(action_fields=filters.field)
    return measures


@router.get("/", response=MeasureList, summary="Maßnahmen (filterbar)")
def list_measures(request: HttpRequest, filters: Query[MeasureFilters]):
    items = _measure_items(_measures(filters))
    return {**licence_info(request.path), "count": len(items), "items": items}


@router.get(
    "/locations.geojson",
    response=dict,
    summary="Orte der Maßnahmen als GeoJSON (RFC 7946)",
    openapi_extra=geojson_doc(MeasureFeatures),
)
def measure_locations(request: HttpRequest, filters: Query[MeasureFilters]):
    labels = {value: str(label) for value, label in Measure.Status.choices}
    rows = (
        _measures(filters)
        .filter(location__isnull=False)
        .values("pk", "title", "quarter__slug", "status", "location")
    )
    features = [
        {
            "type": "Feature",
            "id": row["pk"],
            "geometry": row["location"],
            "properties": {
                "title": row["title"],
                "quarter": row["quarter__slug"],
                "status": row["status"],
                "status_label": labels[row["status"]],
                "url": reverse("measures:detail", kwargs={"pk": row["pk"]}),
            },
        }
        for row in rows
    ]
    return geojson_response(request, MeasureFeatures, features)


@router.get(
    "/finance/{quarter_slug}/",
    response=FinanceOut,
    summary="Finanzen eines Quartiers: geplant und ausgegeben nach Jahr und Mittelgeber",
)
def quarter_finance(request: HttpRequest, quarter_slug: ApiText):
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
def get_measure(request: HttpRequest, measure_id: ApiId):
    measure = get_object_or_404(
        Measure.objects.public()
        .select_related("quarter")
        .prefetch_related("funding")
        .with_totals(),
        pk=measure_id,
    )
    (item,) = _measure_items([measure])
    return {
        **item,
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
