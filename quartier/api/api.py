"""The open data API: one NinjaAPI, each app mounts its router beside its models.

Two rules hold for every operation, so no app has to remember them:

- a query parameter the operation does not know is a 422 that names it (a typo such
  as `?quartier=` must not silently return every quarter);
- the schema documents 404, 414 and 422 on every operation, and describes GeoJSON bodies.
"""

from __future__ import annotations

from functools import wraps

from ninja import NinjaAPI
from ninja.errors import ValidationError
from ninja.openapi.schema import OpenAPISchema

from quartier.api.reference import ReferencePage
from quartier.community.api import router as community_router
from quartier.core.api_schema import GEOJSON_COLLECTIONS, Message, ValidationErrors
from quartier.events.api import router as events_router
from quartier.funds.api import router as funds_router
from quartier.measures.api import router as measures_router
from quartier.monitoring.api import router as monitoring_router
from quartier.participation.api import router as participation_router
from quartier.quarters.api import router as quarters_router

COMPONENTS = "#/components/schemas/"


class QuartierAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(
            path_prefix=path_prefix, path_params=path_params
        )
        return document_errors_and_geojson(schema)


TOO_LONG = "Adresse zu lang (die Abfrage überschreitet die Grenze des Servers)"


def document_errors_and_geojson(schema: OpenAPISchema) -> OpenAPISchema:
    """Add 404/414/422 to every operation and the GeoJSON schemas to the components."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for model in (Message, ValidationErrors, *GEOJSON_COLLECTIONS.values()):
        definition = model.model_json_schema(ref_template=COMPONENTS + "{model}")
        components.update(definition.pop("$defs", {}))
        components[model.__name__] = definition
    errors = {
        "404": ("Nicht gefunden (oder nicht öffentlich)", Message),
        "422": ("Ungültiger oder unbekannter Parameter", ValidationErrors),
    }
    for operations in schema["paths"].values():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            ok = responses.get(200, responses.get("200", {}))
            content = ok.get("content", {})
            if "application/geo+json" in content:
                # ninja adds a bare JSON object for `response=dict`; the body is GeoJSON.
                content.pop("application/json", None)
            for code, (description, model) in errors.items():
                responses.setdefault(
                    code,
                    {
                        "description": description,
                        "content": {
                            "application/json": {
                                "schema": {"$ref": COMPONENTS + model.__name__}
                            }
                        },
                    },
                )
            # Answered by the server in front (gunicorn, nginx) before the app runs,
            # so the body is that server's HTML page, not ours.
            responses.setdefault("414", {"description": TOO_LONG})
    return schema


def _query_names(operation) -> set[str]:
    names: set[str] = set()
    for model in operation.models:
        if model.__ninja_param_source__ != "query":
            continue
        flatten = getattr(model, "__ninja_flatten_map__", None)
        if flatten:
            names.update(flatten)
        else:
            names.update(
                field.alias or name for name, field in model.model_fields.items()
            )
    return names


def reject_unknown_query(run):
    """View decorator for all operations: unknown query parameters are a 422."""
    operation = run.__self__  # ninja passes the bound Operation.run
    known = _query_names(operation)

    @wraps(run)
    def checked(request, *args, **kwargs):
        unknown = sorted(set(request.GET) - known)
        if unknown:
            error = ValidationError(
                [
                    {
                        "type": "unknown_parameter",
                        "loc": ["query", name],
                        "msg": "Unknown query parameter; allowed: "
                        + (", ".join(sorted(known)) or "none"),
                    }
                    for name in unknown
                ]
            )
            return operation.api.on_exception(request, error)
        return run(request, *args, **kwargs)

    return checked


api = QuartierAPI(
    title="Quartier Open Data API",
    version="1.0.0",
    description=(
        "Offene Daten der Stadtquartiere: Quartiere, Gebietsgrenzen (GeoJSON, RFC 7946). "
        "Lizenz: Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0). "
        "Filter heißen überall gleich (`quarter`, `status`); ein unbekannter "
        "Parameter ist ein Fehler 422, der ihn nennt. `url`-Felder sind absolut."
    ),
    urls_namespace="api",
    docs=ReferencePage(),
    docs_url="/docs/",
)
api.add_decorator(reject_unknown_query, mode="view")
api.add_router("/quarters/", quarters_router)
api.add_router("/participation/", participation_router)
api.add_router("/measures/", measures_router)
api.add_router("/community/", community_router)
api.add_router("/funds/", funds_router)
api.add_router("/events/", events_router)
api.add_router("/monitoring/", monitoring_router)
