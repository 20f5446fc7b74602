"""Schema types every app's `api.py` shares: the licence, absolute URLs, GeoJSON.

Input bounds (ids, dates, text filters) are in `inputs.py`; this module is about what
the API answers. GeoJSON responses are validated through their schema before they
leave, so the OpenAPI document describes exactly what a client receives.
"""

from __future__ import annotations

from decimal import Decimal
from enum import Enum
from typing import Annotated, Any, Literal, cast

from django.http import HttpRequest, JsonResponse
from ninja import Schema
from pydantic import (
    AfterValidator,
    Field,
    PlainSerializer,
    ValidationInfo,
    WithJsonSchema,
)

from .geo import feature_collection
from .licence import licence_info


def api_enum(name: str, choices: type[Enum]) -> type[Enum]:
    """A model's choices as an enum with its own name in the schema.

    Most models call their choices `Status`; in one OpenAPI document they would share
    one component, and the ideas' filter would list the measures' values.
    """
    members = {member.name: member.value for member in choices}
    # Enum's functional API makes a class; mypy reads the call as making a member.
    return cast("type[Enum]", Enum(name, members, type=str))


def _absolute(value: str, info: ValidationInfo) -> str:
    # ninja validates responses with the request in the context.
    request = (info.context or {}).get("request")
    return request.build_absolute_uri(value) if request is not None else value


#: A link into the portal, answered as an absolute URL (https://…/veranstaltungen/3/).
AbsoluteUrl = Annotated[
    str,
    AfterValidator(_absolute),
    WithJsonSchema({"type": "string", "format": "uri"}),
]


def _cents(value: Decimal) -> str:
    return str(Decimal(value).quantize(CENT))


CENT = Decimal("0.01")
#: Euros, always as a string with two decimals ("3507499.98", "15292000.00"): exact,
#: and one format whether the database summed the amount or stored it.
Money = Annotated[
    Decimal,
    PlainSerializer(_cents, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^-?[0-9]+\.[0-9]{2}$",
            "description": "Euro amount with two decimals, e.g. 3507499.98",
        }
    ),
]


class Licence(Schema):
    id: str
    name: str
    url: str


class Licensed(Schema):
    """dl-de/by-2-0: provider, licence with link and the dataset's address."""

    license: Licence
    attribution: str
    dataset: str


class Message(Schema):
    """What ninja answers for 404 and other plain errors."""

    detail: str


class ValidationErrorItem(Schema):
    type: str
    loc: list[str | int]
    msg: str


class ValidationErrors(Schema):
    """422: one item per refused parameter; `loc` names it (["query", "date_to"])."""

    detail: list[ValidationErrorItem]


# --- GeoJSON (RFC 7946) ---------------------------------------------------------

Position = Annotated[list[float], Field(min_length=2, max_length=3)]


class PointGeometry(Schema):
    type: Literal["Point"]
    coordinates: Position


class LineStringGeometry(Schema):
    type: Literal["LineString"]
    coordinates: Annotated[list[Position], Field(min_length=2)]


class PolygonGeometry(Schema):
    type: Literal["Polygon"]
    coordinates: list[Annotated[list[Position], Field(min_length=4)]]


class MultiPolygonGeometry(Schema):
    type: Literal["MultiPolygon"]
    coordinates: list[list[Annotated[list[Position], Field(min_length=4)]]]


Geometry = Annotated[
    PointGeometry | LineStringGeometry | PolygonGeometry | MultiPolygonGeometry,
    Field(discriminator="type"),
]


class Feature(Schema):
    """Subclasses narrow `geometry` and `properties`."""

    type: Literal["Feature"]
    id: int | str
    geometry: Any
    properties: Any


class FeatureCollection(Licensed):
    """Subclasses narrow `features`; the licence travels as foreign members."""

    type: Literal["FeatureCollection"]
    features: list[Feature]


#: Every collection used by an operation, so the API can add them to its components.
GEOJSON_COLLECTIONS: dict[str, type[FeatureCollection]] = {}


def geojson_doc(collection: type[FeatureCollection]) -> dict:
    """`openapi_extra` of a GeoJSON operation: its 200 is `application/geo+json`."""
    GEOJSON_COLLECTIONS[collection.__name__] = collection
    ref = {"$ref": f"#/components/schemas/{collection.__name__}"}
    return {
        "responses": {
            200: {
                "description": "GeoJSON FeatureCollection (RFC 7946)",
                "content": {"application/geo+json": {"schema": ref}},
            }
        }
    }


def geojson_response(
    request: HttpRequest,
    collection: type[FeatureCollection],
    features: list[dict],
    **members,
) -> JsonResponse:
    """The features with the licence (and foreign `members`), checked, as geo+json."""
    body = feature_collection(features, **licence_info(request.path), **members)
    checked = collection.model_validate(body, context={"request": request})
    return JsonResponse(
        checked.model_dump(mode="json"), content_type="application/geo+json"
    )
