"""Open data: actors, businesses, volunteering, the help board and vacant units.

Lists carry the licence; map layers come as GeoJSON (RFC 7946). No personal data:
help posts show the public name only, contact addresses never leave the database.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated

from django.http import HttpRequest
from ninja import Router, Schema
from pydantic import Field

from quartier.core.api_schema import (
    AbsoluteUrl,
    Feature,
    FeatureCollection,
    Licensed,
    Money,
    PointGeometry,
    geojson_doc,
    geojson_response,
)
from quartier.core.inputs import ApiText
from quartier.core.licence import licence_info

from .models import HelpPost, Opportunity, Organisation, Vacancy

router = Router(tags=["community"])


class OrganisationOut(Schema):
    slug: str
    name: str
    kind: str
    kind_label: str
    business_category: str
    quarters: list[str]
    description: str
    street: str
    postcode: str
    city: str
    longitude: float | None
    latitude: float | None
    phone: str
    website: str
    languages: list[str]
    target_groups: list[str]
    step_free: bool
    accessibility: str
    delivers: bool
    open_now: bool | None
    is_demo: bool
    url: AbsoluteUrl


class OrganisationList(Licensed):
    count: int
    items: list[OrganisationOut]


class OpportunityOut(Schema):
    id: int
    title: str
    organisation: str
    quarter: str
    commitment: str
    time_needed: str
    skills: str
    place: str
    expires_on: dt.date | None
    is_demo: bool
    url: AbsoluteUrl


class OpportunityList(Licensed):
    count: int
    items: list[OpportunityOut]


class HelpPostOut(Schema):
    id: int
    kind: str
    category: str
    quarter: str
    title: str
    text: str
    author: str
    expires_on: dt.date
    is_demo: bool
    url: AbsoluteUrl


class HelpPostList(Schema):
    count: int
    items: list[HelpPostOut]


class VacancyOut(Schema):
    id: int
    title: str
    quarter: str
    street: str
    postcode: str
    longitude: float | None
    latitude: float | None
    area_m2: Decimal
    use_class: str
    rent_min: Money | None
    rent_max: Money | None
    available_from: dt.date | None
    interim_use: bool
    status: str
    is_demo: bool
    url: AbsoluteUrl


class VacancyList(Licensed):
    count: int
    items: list[VacancyOut]


def _organisation_data(org: Organisation) -> dict:
    return {
        "slug": org.slug,
        "name": org.name,
        "kind": org.kind,
        "kind_label": str(org.get_kind_display()),
        "business_category": org.business_category,
        "quarters": [q.slug for q in org.quarters.all()],
        "description": org.description,
        "street": org.street,
        "postcode": org.postcode,
        "city": org.city,
        "longitude": org.longitude,
        "latitude": org.latitude,
        "phone": org.phone,
        "website": org.website,
        "languages": [lang.code for lang in org.languages.all()],
        "target_groups": [group.slug for group in org.target_groups.all()],
        "step_free": org.step_free,
        "accessibility": org.accessibility,
        "delivers": org.delivers,
        "open_now": org.opening_state().is_open if org.hours.all() else None,
        "is_demo": org.is_demo,
        "url": org.get_absolute_url(),
    }


def _organisations(business: bool, quarter: str | None):
    qs = Organisation.objects.published()
    qs = qs.businesses() if business else qs.actors()
    if quarter:
        qs = qs.filter(quarters__slug=quarter)
    return qs.for_list()


def _point_features(items, properties) -> list[dict]:
    return [
        {
            "type": "Feature",
            "id": str(getattr(item, "slug", item.pk)),
            "geometry": {
                "type": "Point",
                "coordinates": [item.longitude, item.latitude],
            },
            "properties": properties(item),
        }
        for item in items
        if item.longitude is not None
    ]


class OrganisationFeature(Feature):
    id: str
    geometry: PointGeometry
    properties: OrganisationOut


class OrganisationFeatures(FeatureCollection):
    features: list[OrganisationFeature]


class VacancyProperties(VacancyOut):
    """Map layers want numbers: areas and rents as JSON numbers, not decimal strings."""

    area_m2: float
    rent_min: float | None
    rent_max: float | None


class VacancyFeature(Feature):
    id: str
    geometry: PointGeometry
    properties: VacancyProperties


class VacancyFeatures(FeatureCollection):
    features: list[VacancyFeature]


MinArea = Annotated[int, Field(ge=0, le=1_000_000)]


@router.get("/actors/", response=OrganisationList, summary="Akteure im Quartier")
def community_actors(request: HttpRequest, quarter: ApiText | None = None):
    items = [_organisation_data(o) for o in _organisations(False, quarter)]
    return {**licence_info(request.path), "count": len(items), "items": items}


@router.get(
    "/actors.geojson",
    response=dict,
    summary="Akteure als GeoJSON-Punkte",
    openapi_extra=geojson_doc(OrganisationFeatures),
)
def community_actors_geojson(request: HttpRequest, quarter: ApiText | None = None):
    return geojson_response(
        request,
        OrganisationFeatures,
        _point_features(_organisations(False, quarter), _organisation_data),
    )


@router.get("/businesses/", response=OrganisationList, summary="Lokale Wirtschaft")
def community_businesses(request: HttpRequest, quarter: ApiText | None = None):
    items = [_organisation_data(o) for o in _organisations(True, quarter)]
    return {**licence_info(request.path), "count": len(items), "items": items}


@router.get(
    "/businesses.geojson",
    response=dict,
    summary="Betriebe als GeoJSON-Punkte",
    openapi_extra=geojson_doc(OrganisationFeatures),
)
def community_businesses_geojson(request: HttpRequest, quarter: ApiText | None = None):
    return geojson_response(
        request,
        OrganisationFeatures,
        _point_features(_organisations(True, quarter), _organisation_data),
    )


@router.get(
    "/opportunities/", response=OpportunityList, summary="Offene Engagement-Angebote"
)
def community_opportunities(request: HttpRequest, quarter: ApiText | None = None):
    qs = Opportunity.objects.open().filter(organisation__is_published=True).for_list()
    if quarter:
        qs = qs.filter(quarter__slug=quarter)
    items = [
        {
            "id": o.pk,
            "title": o.title,
            "organisation": o.organisation.slug,
            "quarter": o.quarter.slug,
            "commitment": o.commitment,
            "time_needed": o.time_needed,
            "skills": o.skills,
            "place": o.place,
            "expires_on": o.expires_on,
            "is_demo": o.is_demo,
            "url": o.get_absolute_url(),
        }
        for o in qs
    ]
    return {**licence_info(request.path), "count": len(items), "items": items}


@router.get(
    "/help/",
    response=HelpPostList,
    summary="Biete/Suche: sichtbare Einträge (ohne Kontaktdaten, keine offene Lizenz)",
)
def community_help(request: HttpRequest, quarter: ApiText | None = None):
    # Residents' texts are theirs: readable here, but not relicensed as open data.
    qs = HelpPost.objects.visible().for_list()
    if quarter:
        qs = qs.filter(quarter__slug=quarter)
    items = [
        {
            "id": p.pk,
            "kind": p.kind,
            "category": p.category,
            "quarter": p.quarter.slug,
            "title": p.title,
            "text": p.text,
            "author": str(p.author.public_name),
            "expires_on": p.expires_on,
            "is_demo": p.is_demo,
            "url": p.get_absolute_url(),
        }
        for p in qs
    ]
    return {"count": len(items), "items": items}


def _vacancy_data(v: Vacancy) -> dict:
    return {
        "id": v.pk,
        "title": v.title,
        "quarter": v.quarter.slug,
        "street": v.street,
        "postcode": v.postcode,
        "longitude": v.longitude,
        "latitude": v.latitude,
        "area_m2": v.area_m2,
        "use_class": v.use_class,
        "rent_min": v.rent_min,
        "rent_max": v.rent_max,
        "available_from": v.available_from,
        "interim_use": v.interim_use,
        "status": v.status,
        "is_demo": v.is_demo,
        "url": v.get_absolute_url(),
    }


def _vacancies(quarter: str | None, min_area: int | None):
    qs = Vacancy.objects.listed().select_related("quarter")
    if quarter:
        qs = qs.filter(quarter__slug=quarter)
    if min_area is not None:
        qs = qs.filter(area_m2__gte=min_area)
    return qs


@router.get("/vacancies/", response=VacancyList, summary="Freie Gewerbeflächen")
def community_vacancies(
    request: HttpRequest,
    quarter: ApiText | None = None,
    min_area: MinArea | None = None,
):
    items = [_vacancy_data(v) for v in _vacancies(quarter, min_area)]
    return {**licence_info(request.path), "count": len(items), "items": items}


@router.get(
    "/vacancies.geojson",
    response=dict,
    summary="Freie Gewerbeflächen als GeoJSON-Punkte",
    openapi_extra=geojson_doc(VacancyFeatures),
)
def community_vacancies_geojson(
    request: HttpRequest,
    quarter: ApiText | None = None,
    min_area: MinArea | None = None,
):
    return geojson_response(
        request,
        VacancyFeatures,
        _point_features(_vacancies(quarter, min_area), _vacancy_data),
    )
