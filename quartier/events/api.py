"""Read-only open data: events, occurrences, venues (GeoJSON) and the iCal feeds."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Query, Router, Schema
from pydantic import Field

from quartier.core.api_schema import (
    AbsoluteUrl,
    Feature,
    FeatureCollection,
    Licensed,
    Money,
    PointGeometry,
    api_enum,
    geojson_doc,
    geojson_response,
)
from quartier.core.inputs import ApiDate, ApiId, ApiText
from quartier.core.licence import licence_info
from quartier.quarters.models import Quarter

from .models import BERLIN, Category, Event, Occurrence, Venue, split_codes

router = Router(tags=["events"])
EventStatus = api_enum("EventStatus", Event.Status)


class VenueOut(Schema):
    id: int
    name: str
    address: str
    longitude: float | None
    latitude: float | None
    step_free: bool
    accessible_toilet: bool
    hearing_loop: bool


class EventOut(Schema):
    id: int
    uid: str
    title: str
    description: str
    status: EventStatus
    category: Category
    category_label: str
    quarters: list[str]
    organisation: str | None
    venue: VenueOut
    target_groups: list[str]
    languages: list[str]
    cost_eur: Money | None
    all_day: bool
    rrule: str
    registration_enabled: bool
    capacity: int | None
    url: AbsoluteUrl
    ical_url: AbsoluteUrl


class OccurrenceOut(Schema):
    id: int
    event_id: int
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    cancelled: bool
    note: str
    quarters: list[str]
    category: str
    venue_id: int
    url: AbsoluteUrl


class EventList(Licensed):
    count: int
    items: list[EventOut]


class OccurrenceList(Licensed):
    count: int
    items: list[OccurrenceOut]


class Filters(Schema):
    quarter: ApiText | None = None
    category: Category | None = None
    date_from: ApiDate | None = None
    date_to: ApiDate | None = None


class VenueFeature(Feature):
    id: int
    geometry: PointGeometry
    properties: VenueOut


class VenueFeatures(FeatureCollection):
    features: list[VenueFeature]


def _venue(venue: Venue) -> dict:
    return {
        "id": venue.pk,
        "name": venue.name,
        "address": venue.address,
        "longitude": venue.longitude,
        "latitude": venue.latitude,
        "step_free": venue.step_free,
        "accessible_toilet": venue.accessible_toilet,
        "hearing_loop": venue.hearing_loop,
    }


def _event(event: Event) -> dict:
    return {
        "id": event.pk,
        "uid": event.uid,
        "title": event.title,
        "description": event.description,
        "status": event.status,
        "category": event.category,
        "category_label": str(event.get_category_display()),
        "quarters": [q.slug for q in event.quarters.all()],
        "organisation": event.organisation.name if event.organisation else None,
        "venue": _venue(event.venue),
        "target_groups": split_codes(event.target_groups),
        "languages": split_codes(event.languages),
        "cost_eur": event.cost_eur,
        "all_day": event.all_day,
        "rrule": event.rrule,
        "registration_enabled": event.registration_enabled,
        "capacity": event.capacity,
        "url": event.get_absolute_url(),
        "ical_url": reverse("events:ics", kwargs={"pk": event.pk}),
    }


def _occurrences(filters: Filters):
    occurrences = Occurrence.objects.public()
    if filters.date_from:
        start = dt.datetime.combine(filters.date_from, dt.time(), BERLIN)
        occurrences = occurrences.filter(ends_at__gt=start)
    else:
        occurrences = occurrences.upcoming()
    if filters.date_to:
        end = dt.datetime.combine(
            filters.date_to + dt.timedelta(days=1), dt.time(), BERLIN
        )
        occurrences = occurrences.filter(starts_at__lt=end)
    if filters.quarter:
        occurrences = occurrences.filter(event__quarters__slug=filters.quarter)
    if filters.category:
        occurrences = occurrences.filter(event__category=filters.category)
    return occurrences


@router.get("/", response=EventList, summary="Veranstaltungen mit Terminen im Zeitraum")
def list_events(request: HttpRequest, filters: Query[Filters]):
    """Events with at least one date in the window (default: from now on)."""
    ids = _occurrences(filters).values("event_id")
    events = (
        Event.objects.published()
        .filter(pk__in=ids)
        .select_related("venue", "organisation")
        .prefetch_related("quarters")
        .order_by("starts_at", "pk")
    )
    items = [_event(e) for e in events[:500]]
    return {**licence_info(request.path), "count": len(items), "items": items}


@router.get("/occurrences/", response=OccurrenceList, summary="Einzelne Termine")
def list_occurrences(
    request: HttpRequest,
    filters: Query[Filters],
    limit: Annotated[int, Field(ge=1, le=1000)] = 200,
):
    """Expanded dates of all events, regular offers included; at most 1000 per call."""
    occurrences = (
        _occurrences(filters).for_listing().order_by("starts_at", "pk")[:limit]
    )
    items = [
        {
            "id": occ.pk,
            "event_id": occ.event_id,
            "title": occ.event.title,
            "starts_at": occ.starts_at,
            "ends_at": occ.ends_at,
            "cancelled": occ.is_cancelled,
            "note": occ.note,
            "quarters": [q.slug for q in occ.event.quarters.all()],
            "category": occ.event.category,
            "venue_id": occ.event.venue_id,
            "url": occ.get_absolute_url(),
        }
        for occ in occurrences
    ]
    return {**licence_info(request.path), "count": len(items), "items": items}


@router.get(
    "/venues.geojson",
    response=dict,
    summary="Veranstaltungsorte als GeoJSON (RFC 7946)",
    openapi_extra=geojson_doc(VenueFeatures),
)
def venues_geojson(request: HttpRequest):
    features = [
        {
            "type": "Feature",
            "id": venue.pk,
            "geometry": {
                "type": "Point",
                "coordinates": [venue.longitude, venue.latitude],
            },
            "properties": _venue(venue),
        }
        for venue in Venue.objects.located()
    ]
    return geojson_response(request, VenueFeatures, features)


class Feeds(Schema):
    all: AbsoluteUrl
    quarters: dict[str, AbsoluteUrl]
    categories: dict[str, AbsoluteUrl]


@router.get("/feeds/", response=Feeds, summary="Adressen der iCal-Feeds (RFC 5545)")
def feeds(request: HttpRequest):

    return {
        "all": reverse("events:feed"),
        "quarters": {
            q.slug: reverse("events:feed_quarter", kwargs={"slug": q.slug})
            for q in Quarter.objects.public()
        },
        "categories": {
            c: reverse("events:feed_category", kwargs={"category": c})
            for c in Category.values
        },
    }


@router.get("/{event_id}/", response=EventOut, summary="Eine Veranstaltung")
def get_event(request: HttpRequest, event_id: ApiId):
    event = get_object_or_404(
        Event.objects.published()
        .select_related("venue", "organisation")
        .prefetch_related("quarters"),
        pk=event_id,
    )
    return _event(event)
