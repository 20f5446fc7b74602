"""The open data API: one NinjaAPI, each app mounts its router beside its models."""

from ninja import NinjaAPI, Swagger

from quartier.community.api import router as community_router
from quartier.events.api import router as events_router
from quartier.funds.api import router as funds_router
from quartier.measures.api import router as measures_router
from quartier.monitoring.api import router as monitoring_router
from quartier.participation.api import router as participation_router
from quartier.quarters.api import router as quarters_router

api = NinjaAPI(
    title="Quartier Open Data API",
    version="1.0.0",
    description=(
        "Offene Daten der Stadtquartiere: Quartiere, Gebietsgrenzen (GeoJSON, RFC 7946). "
        "Lizenz: Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0)."
    ),
    urls_namespace="api",
    docs=Swagger(settings={"persistAuthorization": False}),
    docs_url="/docs/",
)
api.add_router("/quarters/", quarters_router)
api.add_router("/participation/", participation_router)
api.add_router("/measures/", measures_router)
api.add_router("/community/", community_router)
api.add_router("/funds/", funds_router)
api.add_router("/events/", events_router)
api.add_router("/monitoring/", monitoring_router)
