"""Read-only open data on participation: no personal data beyond display names."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema
from pydantic import Field

from quartier.core.api_schema import (
    AbsoluteUrl,
    Feature,
    FeatureCollection,
    Money,
    PointGeometry,
    api_enum,
    geojson_doc,
    geojson_response,
)
from quartier.core.inputs import ApiId, ApiOffset, ApiText

from .models import CallForIdeas, Comment, Idea

router = Router(tags=["participation"])
IdeaStatus = api_enum("IdeaStatus", Idea.Status)
MAX_LIMIT = 100


class IdeaOut(Schema):
    id: int
    quarter: str
    title: str
    description: str
    category: str | None
    status: str
    status_label: str
    answer: str
    support_count: int
    comment_count: int
    author: str
    place: str
    longitude: float | None
    latitude: float | None
    created_at: dt.datetime
    url: AbsoluteUrl


class IdeaPage(Schema):
    count: int
    offset: int
    limit: int
    items: list[IdeaOut]


class CommentOut(Schema):
    id: int
    parent: int | None
    author: str
    body: str
    created_at: dt.datetime
    edited: bool


class CallOut(Schema):
    id: int
    quarter: str
    title: str
    question: str
    description: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    budget_eur: Money | None
    phase: str
    url: AbsoluteUrl


class IdeaFilter(Schema):
    """The same names as every other list: `quarter` (a slug) and `status`."""

    quarter: ApiText | None = None
    status: IdeaStatus | None = None
    offset: ApiOffset = 0
    limit: Annotated[int, Field(ge=1, le=MAX_LIMIT)] = 20


class IdeaGeoFilter(Schema):
    quarter: ApiText | None = None
    status: IdeaStatus | None = None


class IdeaProperties(Schema):
    title: str
    quarter: str
    status: IdeaStatus
    support_count: int
    comment_count: int
    url: AbsoluteUrl


class IdeaFeature(Feature):
    id: int
    geometry: PointGeometry
    properties: IdeaProperties


class IdeaFeatures(FeatureCollection):
    features: list[IdeaFeature]


def _idea_data(idea: Idea) -> dict:
    return {
        "id": idea.pk,
        "quarter": idea.quarter.slug,
        "title": idea.title,
        "description": idea.description,
        "category": idea.category.name if idea.category else None,
        "status": idea.status,
        "status_label": str(idea.get_status_display()),
        "answer": idea.answer,
        "support_count": idea.support_count,
        "comment_count": idea.comment_count,
        "author": str(idea.author_name),
        "place": idea.place,
        "longitude": idea.longitude,
        "latitude": idea.latitude,
        "created_at": idea.created_at,
        "url": idea.get_absolute_url(),
    }


def _public_ideas(filters: IdeaFilter | IdeaGeoFilter | None = None):
    ideas = Idea.objects.visible().for_list().exclude(quarter__status="planned")
    if filters and filters.quarter:
        ideas = ideas.filter(quarter__slug=filters.quarter)
    if filters and filters.status:
        ideas = ideas.filter(status=filters.status.value)
    return ideas


@router.get("/ideas/", response=IdeaPage, summary="Ideen (öffentlich sichtbare)")
def list_ideas(request: HttpRequest, filters: Query[IdeaFilter]):
    limit, offset = filters.limit, filters.offset
    ideas = _public_ideas(filters)
    page = ideas[offset : offset + limit]
    return {
        "count": ideas.count(),
        "offset": offset,
        "limit": limit,
        "items": [_idea_data(i) for i in page],
    }


@router.get(
    "/ideas.geojson",
    response=dict,
    url_name="idea_geojson",
    summary="Ideen mit Ort als GeoJSON (RFC 7946)",
    openapi_extra=geojson_doc(IdeaFeatures),
)
def ideas_geojson(request: HttpRequest, filters: Query[IdeaGeoFilter]):
    ideas = _public_ideas(filters).filter(longitude__isnull=False)[:5000]
    features = [
        {
            "type": "Feature",
            "id": idea.pk,
            "geometry": {
                "type": "Point",
                "coordinates": [idea.longitude, idea.latitude],
            },
            "properties": {
                "title": idea.title,
                "quarter": idea.quarter.slug,
                "status": idea.status,
                "support_count": idea.support_count,
                "comment_count": idea.comment_count,
                "url": idea.get_absolute_url(),
            },
        }
        for idea in ideas
    ]
    return geojson_response(request, IdeaFeatures, features)


@router.get("/ideas/{idea_id}/", response=IdeaOut, summary="Eine Idee")
def get_idea(request: HttpRequest, idea_id: ApiId):
    return _idea_data(get_object_or_404(_public_ideas(), pk=idea_id))


@router.get(
    "/ideas/{idea_id}/comments/",
    response=list[CommentOut],
    summary="Kommentare einer Idee (sichtbare, ohne gelöschte Texte)",
)
def list_comments(request: HttpRequest, idea_id: ApiId):
    idea = get_object_or_404(_public_ideas(), pk=idea_id)
    comments = (
        Comment.objects.filter(idea=idea).visible_to(None).select_related("author")
    )
    return [
        {
            "id": c.pk,
            "parent": c.parent_id,
            "author": str(c.author_name),
            "body": "" if c.is_deleted else c.body,
            "created_at": c.created_at,
            "edited": c.edited_at is not None,
        }
        for c in comments
    ]


@router.get("/calls/", response=list[CallOut], summary="Ideenaufrufe")
def list_calls(request: HttpRequest):
    calls = CallForIdeas.objects.select_related("quarter").exclude(
        quarter__status="planned"
    )
    return [
        {
            "id": c.pk,
            "quarter": c.quarter.slug,
            "title": c.title,
            "question": c.question,
            "description": c.description,
            "starts_at": c.starts_at,
            "ends_at": c.ends_at,
            "budget_eur": c.budget_eur,
            "phase": c.phase(),
            "url": c.get_absolute_url(),
        }
        for c in calls
    ]
