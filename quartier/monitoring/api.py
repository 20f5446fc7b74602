"""Open data of the Sozialmonitoring: areas, indicators, values, GeoJSON."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from django.http import HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field

from quartier.core.api_schema import (
    AbsoluteUrl,
    Feature,
    FeatureCollection,
    Geometry,
    Licensed,
    geojson_doc,
    geojson_response,
)
from quartier.core.inputs import ApiDate, ApiOffset, ApiText
from quartier.core.licence import licence_info

from .models import Area, Indicator, Level, Value

router = Router(tags=["monitoring"])
MAX_LIMIT = 5000


class AreaOut(Schema):
    code: str
    name: str
    level: str
    parent: str | None
    quarter: str | None
    schematic: bool
    demo: bool
    url: AbsoluteUrl


class AreaList(Licensed):
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
    url: AbsoluteUrl


class IndicatorList(Licensed):
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


class ValueList(Licensed):
    count: int
    limit: int
    offset: int
    items: list[ValueOut]


class ValueFilters(Schema):
    area: ApiText | None = None
    indicator: ApiText | None = None
    level: Level | None = None
    date_from: ApiDate | None = None
    date_to: ApiDate | None = None
    limit: Annotated[int, Field(ge=1, le=MAX_LIMIT)] = 1000
    offset: ApiOffset = 0


class LatestValue(Schema):
    date: dt.date
    value: float | None
    suppressed: str | None
    status: str
    unit: str
    demo: bool


class AreaProperties(AreaOut):
    values: dict[str, LatestValue]


class AreaFeature(Feature):
    id: str
    geometry: Geometry
    properties: AreaProperties


class AreaFeatures(FeatureCollection):
    features: list[AreaFeature]
    sources: dict[str, str]


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
    openapi_extra=geojson_doc(AreaFeatures),
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
    sources = {i.slug: i.source for i in indicators.values()}
    return geojson_response(request, AreaFeatures, features, sources=sources)
