"""Open data of the Sozialmonitoring: areas, indicators, values, GeoJSON."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, JsonResponse
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from quartier.core.geo import feature_collection
from quartier.core.licence import licence_info

from .models import Area, Indicator, Level, Value

router = Router(tags=["monitoring"])
MAX_LIMIT = 5000


class Licence(Schema):
    id: str
    name: str
    url: str


class AreaOut(Schema):
    code: str
    name: str
    level: str
    parent: str | None
    quarter: str | None
    schematic: bool
    demo: bool
    url: str


class AreaList(Schema):
    license: Licence
    attribution: str
    dataset: str
    count: int
    items: list[AreaOut]


class IndicatorOut(Schema):
    slug: str
    name: str
    theme: str
    definition: str
    unit: str
    decimals: int
    direction: str
    source: str
    source_url: str
    licence: str
    computed: bool
    demo: bool
    url: str


class IndicatorList(Schema):
    license: Licence
    attribution: str
    dataset: str
    count: int
    items: list[IndicatorOut]


class ValueOut(Schema):
    area: str
    indicator: str
    date: dt.date
    # A JSON number, as in the GeoJSON: four decimals at most, exact as a float.
    value: float | None
    suppressed: str | None
    status: str
    note: str
    source: str
    demo: bool


class ValueList(Schema):
    license: Licence
    attribution: str
    dataset: str
    count: int
    limit: int
    offset: int
    items: list[ValueOut]


class ValueFilters(Schema):
    area: str | None = None
    indicator: str | None = None
    level: Level | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    limit: int = 1000
    offset: int = 0


def _area_data(area: Area, parents: dict[int, str]) -> dict:
    return {
        "code": area.code,
        "name": area.name,
        "level": area.level,
        "parent": parents.get(area.parent_id),
        "quarter": area.quarter.slug if area.quarter else None,
        "schematic": area.boundary_is_schematic,
        "demo": area.is_demo,
        "url": area.get_absolute_url(),
    }


def _areas():
    areas = list(Area.objects.select_related("quarter"))
    return areas, {a.pk: a.code for a in areas}


@router.get("/areas/", response=AreaList, summary="Gebiete des Sozialmonitorings")
def list_areas(request: HttpRequest, level: Level | None = None):
    areas, parents = _areas()
    items = [_area_data(a, parents) for a in areas if level is None or a.level == level]
    return {**licence_info(request.path), "count": len(items), "items": items}


def _indicator_data(indicator: Indicator) -> dict:
    return {
        "slug": indicator.slug,
        "name": indicator.name,
        "theme": indicator.theme,
        "definition": indicator.definition,
        "unit": indicator.unit,
        "decimals": indicator.decimals,
        "direction": indicator.direction,
        "source": indicator.source,
        "source_url": indicator.source_url,
        "licence": indicator.licence,
        "computed": indicator.is_computed,
        "demo": indicator.is_demo,
        "url": indicator.get_absolute_url(),
    }


@router.get("/indicators/", response=IndicatorList, summary="Indikatorenkatalog")
def list_indicators(request: HttpRequest):
    items = [_indicator_data(i) for i in Indicator.objects.all()]
    return {**licence_info(request.path), "count": len(items), "items": items}


@router.get(
    "/values/",
    response=ValueList,
    summary="Werte, gefiltert nach Gebiet, Indikator, Ebene und Zeitraum",
    url_name="monitoring_values",
)
def list_values(request: HttpRequest, filters: Query[ValueFilters]):
    if not 1 <= filters.limit <= MAX_LIMIT or filters.offset < 0:
        raise HttpError(422, f"limit must be 1–{MAX_LIMIT}, offset at least 0")
    values = Value.objects.select_related("area", "indicator").order_by(
        "indicator__slug", "area__code", "date"
    )
    if filters.area:
        values = values.filter(area__code=filters.area)
    if filters.indicator:
        values = values.filter(indicator__slug=filters.indicator)
    if filters.level:
        values = values.filter(area__level=filters.level)
    values = values.between(filters.date_from, filters.date_to)
    count = values.count()
    page = values[filters.offset : filters.offset + filters.limit]
    items = [
        {
            "area": v.area.code,
            "indicator": v.indicator.slug,
            "date": v.date,
            "value": float(v.value) if v.value is not None else None,
            "suppressed": v.suppressed or None,
            "status": v.status,
            "note": v.note,
            "source": v.source or v.indicator.source,
            "demo": v.is_demo,
        }
        for v in page
    ]
    return {
        **licence_info(request.get_full_path()),
        "count": count,
        "limit": filters.limit,
        "offset": filters.offset,
        "items": items,
    }


@router.get(
    "/areas.geojson",
    response=dict,
    summary="Gebiete mit ihren jeweils letzten Werten als GeoJSON (RFC 7946)",
    url_name="monitoring_areas_geojson",
    openapi_extra={"responses": {200: {"content": {"application/geo+json": {}}}}},
)
def areas_geojson(request: HttpRequest, level: Level | None = None):
    areas, parents = _areas()
    areas = [a for a in areas if a.boundary and (level is None or a.level == level)]
    indicators = {i.pk: i for i in Indicator.objects.all()}
    latest: dict[int, dict[str, dict]] = {}
    # Newest first: the first value seen per area and indicator is the latest.
    for value in Value.objects.filter(area__in=[a.pk for a in areas]).order_by("-date"):
        slot = latest.setdefault(value.area_id, {})
        slug = indicators[value.indicator_id].slug
        if slug not in slot:
            slot[slug] = {
                "date": value.date.isoformat(),
                "value": float(value.value) if value.value is not None else None,
                "suppressed": value.suppressed or None,
                "status": value.status,
                "unit": indicators[value.indicator_id].unit,
                "demo": value.is_demo,
            }
    features = [
        {
            "type": "Feature",
            "id": area.code,
            "geometry": area.boundary,
            "properties": {
                **_area_data(area, parents),
                "values": latest.get(area.pk, {}),
            },
        }
        for area in areas
    ]
    body = feature_collection(
        features,
        **licence_info(request.path),
        sources={i.slug: i.source for i in indicators.values()},
    )
    return JsonResponse(body, content_type="application/geo+json")
