"""The API reference as a page of the portal, rendered from our own OpenAPI schema.

Swagger UI needs JavaScript and fails axe (nested buttons, contrast, small
targets); every public page of ours works without JavaScript and passes axe.
So the page is plain HTML built from the same schema that /openapi.json
publishes: nothing can drift between the two. The schema's prose is German;
the templates mark it lang="de" so English pages say so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja.openapi.docs import DocsBase

TAG_LABELS = {
    "quarters": gettext_lazy("Quartiere"),
    "participation": gettext_lazy("Beteiligung"),
    "measures": gettext_lazy("Maßnahmen"),
    "community": gettext_lazy("Engagement und Wirtschaft"),
    "funds": gettext_lazy("Verfügungsfonds"),
    "events": gettext_lazy("Veranstaltungen"),
    "monitoring": gettext_lazy("Sozialmonitoring"),
}
LOCATION_LABELS = {
    "path": gettext_lazy("Pfad"),
    "query": gettext_lazy("Abfrage"),
    "header": gettext_lazy("Kopfzeile"),
}


@dataclass
class Kind:
    """A schema type in words, with the component it refers to, if any."""

    text: str
    ref: str = ""
    values: list[str] = field(default_factory=list)


@dataclass
class Parameter:
    name: str
    location: str
    required: bool
    kind: Kind
    default: str
    description: str


@dataclass
class Response:
    status: str
    description: str
    kind: Kind | None


@dataclass
class Operation:
    method: str
    path: str
    anchor: str
    summary: str
    description: str
    parameters: list[Parameter]
    responses: list[Response]
    example_url: str


@dataclass
class Section:
    tag: str
    label: str
    operations: list[Operation]


@dataclass
class Property:
    name: str
    required: bool
    kind: Kind
    description: str


@dataclass
class Component:
    name: str
    description: str
    properties: list[Property]
    values: list[str]


def _ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def kind_of(schema: dict[str, Any]) -> Kind:
    """One line for a JSON schema: 'Ganzzahl', 'Liste von Idea', 'Text oder leer'."""
    if "$ref" in schema:
        name = _ref_name(schema["$ref"])
        return Kind(name, ref=name)
    for union in ("anyOf", "oneOf"):
        if union in schema:
            options = [kind_of(s) for s in schema[union] if s.get("type") != "null"]
            nullable = len(options) < len(schema[union])
            kind = (
                options[0]
                if len(options) == 1
                else Kind(_(" oder ").join(o.text for o in options))
            )
            if nullable:
                kind = Kind(
                    _("%(kind)s oder leer") % {"kind": kind.text}, kind.ref, kind.values
                )
            return kind
    if "allOf" in schema and len(schema["allOf"]) == 1:
        return kind_of(schema["allOf"][0])
    kind_type = schema.get("type")
    if kind_type == "array":
        item = kind_of(schema.get("items", {}))
        return Kind(
            _("Liste von %(kind)s") % {"kind": item.text}, item.ref, item.values
        )
    words = {
        "string": _("Text"),
        "integer": _("Ganzzahl"),
        "number": _("Zahl"),
        "boolean": _("Wahrheitswert"),
        "object": _("Objekt"),
    }
    text = words.get(str(kind_type), _("beliebig"))
    if schema.get("format"):
        text = f"{text} ({schema['format']})"
    return Kind(text, values=[str(v) for v in schema.get("enum", [])])


def _default(schema: dict[str, Any]) -> str:
    return str(schema["default"]) if "default" in schema else ""


def _response_kind(response: dict[str, Any]) -> Kind | None:
    for content in response.get("content", {}).values():
        if "schema" in content:
            return kind_of(content["schema"])
    return None


def _example_url(method: str, path: str, parameters: list[Parameter]) -> str:
    """A link a reader can follow: GET operations without required parameters."""
    needs_input = any(p.required for p in parameters) or "{" in path
    return path if method == "get" and not needs_input else ""


def _operation(method: str, path: str, raw: dict[str, Any]) -> Operation:
    parameters = [
        Parameter(
            name=p["name"],
            location=str(LOCATION_LABELS.get(p["in"], p["in"])),
            required=bool(p.get("required")),
            kind=kind_of(p.get("schema", {})),
            default=_default(p.get("schema", {})),
            description=p.get("description", ""),
        )
        for p in raw.get("parameters", [])
    ]
    responses = [
        Response(str(status), r.get("description", ""), _response_kind(r))
        for status, r in sorted(
            raw.get("responses", {}).items(), key=lambda s: str(s[0])
        )
    ]
    return Operation(
        method=method.upper(),
        path=path,
        anchor=raw["operationId"],
        summary=raw.get("summary", ""),
        description=raw.get("description", ""),
        parameters=parameters,
        responses=responses,
        example_url=_example_url(method, path, parameters),
    )


def sections(schema: dict[str, Any]) -> list[Section]:
    """Operations grouped by tag, in the order the routers are mounted."""
    by_tag: dict[str, list[Operation]] = {}
    for path, methods in schema["paths"].items():
        for method, raw in methods.items():
            tag = (raw.get("tags") or ["api"])[0]
            by_tag.setdefault(tag, []).append(_operation(method, path, raw))
    return [
        Section(tag, str(TAG_LABELS.get(tag, tag)), operations)
        for tag, operations in by_tag.items()
    ]


def components(schema: dict[str, Any]) -> list[Component]:
    result = []
    for name, raw in sorted(schema.get("components", {}).get("schemas", {}).items()):
        required = set(raw.get("required", []))
        result.append(
            Component(
                name=name,
                description=raw.get("description", ""),
                properties=[
                    Property(
                        key,
                        key in required,
                        kind_of(value),
                        value.get("description", ""),
                    )
                    for key, value in raw.get("properties", {}).items()
                ],
                values=[str(v) for v in raw.get("enum", [])],
            )
        )
    return result


class ReferencePage(DocsBase):
    """ninja's docs address (/api/v1/docs/, known to integrators) leads to the page."""

    def render_page(self, request, api, **kwargs):
        return redirect("api_reference")
