from datetime import date
from decimal import Decimal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from quartier.core.api_schema import (
    AbsoluteUrl,
    Feature,
    FeatureCollection,
    Licensed,
    Money,
    MultiPolygonGeometry,
    PolygonGeometry,
    api_enum,
    geojson_doc,
    geojson_response,
)
from quartier.core.inputs import ApiText
from quartier.core.licence import licence_info

from .models import Quarter

router = Router(tags=["quarters"])
QuarterKind = api_enum("QuarterKind", Quarter.Kind)
QuarterStatus = api_enum("QuarterStatus", Quarter.Status)


class ProgrammeOut(Schema):
    name: str
    starts_on: date
    ends_on: date | None


class QuarterOut(Schema):
    slug: str
    name: str
    short_name: str
    kind: QuarterKind
    kind_label: str
    status: QuarterStatus
    area_ha: Decimal | None
    inhabitants: int | None
    started_year: int | None
    budget_eur: Money | None
    url: AbsoluteUrl
    districts: list[str]
    programmes: list[ProgrammeOut]
    sources: list[str]


class QuarterList(Licensed):
    count: int
    items: list[QuarterOut]


class QuarterDetail(QuarterOut, Licensed):
    boundary: PolygonGeometry | MultiPolygonGeometry


class BoundaryProperties(Schema):
    slug: str
    name: str
    kind: str
    area_ha: float | None
    schematic: bool
    url: AbsoluteUrl


class BoundaryFeature(Feature):
    id: str
    geometry: PolygonGeometry | MultiPolygonGeometry
    properties: BoundaryProperties


class BoundaryFeatures(FeatureCollection):
    features: list[BoundaryFeature]


def _quarters():
    return Quarter.objects.public().prefetch_related(
        "districts", "programmes__programme"
    )


def _quarter_data(quarter: Quarter) -> dict:
    return {
        "slug": quarter.slug,
        "name": quarter.name,
        "short_name": quarter.short_name,
        "kind": quarter.kind,
        "kind_label": str(quarter.get_kind_display()),
        "status": quarter.status,
        "area_ha": quarter.area_ha,
        "inhabitants": quarter.inhabitants,
        "started_year": quarter.started_year,
        "budget_eur": quarter.budget_eur,
        "url": quarter.get_absolute_url(),
        "districts": [str(d) for d in quarter.districts.all()],
        "programmes": [
            {"name": p.programme.name, "starts_on": p.starts_on, "ends_on": p.ends_on}
            for p in quarter.programmes.all()
        ],
        "sources": quarter.source_lines,
    }


@router.get("/", response=QuarterList, summary="Alle Quartiere")
def list_quarters(request: HttpRequest):
    items = [_quarter_data(q) for q in _quarters()]
    return {**licence_info(request.path), "count": len(items), "items": items}


@router.get(
    "/boundaries.geojson",
    response=dict,
    summary="Gebietsgrenzen aller Quartiere als GeoJSON (RFC 7946)",
    openapi_extra=geojson_doc(BoundaryFeatures),
)
def quarter_boundaries(request: HttpRequest):
    features = [
        {
            "type": "Feature",
            "id": quarter.slug,
            "geometry": quarter.boundary,
            "properties": {
                "slug": quarter.slug,
                "name": quarter.name,
                "kind": quarter.kind,
                "area_ha": float(quarter.area_ha)
                if quarter.area_ha is not None
                else None,
                "schematic": quarter.boundary_is_schematic,
                "url": quarter.get_absolute_url(),
            },
        }
        for quarter in Quarter.objects.public()
    ]
    # RFC 7946 allows foreign members: the licence travels with the data.
    return geojson_response(request, BoundaryFeatures, features)


@router.get(
    "/{slug}/", response=QuarterDetail, summary="Ein Quartier mit Gebietsgrenze"
)
def get_quarter(request: HttpRequest, slug: ApiText):
    quarter = get_object_or_404(_quarters(), slug=slug)
    return {
        **_quarter_data(quarter),
        **licence_info(request.path),
        "boundary": quarter.boundary,
    }
