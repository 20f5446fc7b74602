"""Probes for load balancers, compose and systemd: alive, and ready to serve."""

from __future__ import annotations

import datetime
import logging
import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Min
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger("quartier.health")


@require_GET
@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """The process is up and answers; says nothing about what it depends on."""
    return HttpResponse("ok", content_type="text/plain")


def _database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def _cache() -> None:
    key, value = "readyz:probe", secrets.token_hex(8)
    cache.set(key, value, timeout=30)
    if cache.get(key) != value:
        raise RuntimeError("the cache did not return what was stored")
    if getattr(cache, "degraded", False):
        raise RuntimeError("the shared cache is down; a per-process fallback answers")


def queue_lag_seconds() -> float:
    """How long the oldest task that could run now has been waiting (0 if none)."""
    from django_tasks_db.models import DBTaskResult, get_date_max

    now = timezone.now()
    ready = DBTaskResult.objects.ready()
    oldest = [
        ready.filter(run_after=get_date_max()).aggregate(t=Min("enqueued_at"))["t"],
        ready.exclude(run_after=get_date_max()).aggregate(t=Min("run_after"))["t"],
    ]
    waited = [now - moment for moment in oldest if moment]
    return max(waited, default=datetime.timedelta(0)).total_seconds()


@require_GET
@never_cache
def readyz(request: HttpRequest) -> JsonResponse:
    """Ready for traffic: database and task queue reachable, queue not lagging.

    The cache is checked too; its failure answers 200 with status "degraded". Answers
    503 with the failing check's name (never its error text, which may hold
    host names) so the balancer takes this server out until it recovers.
    """
    checks: dict[str, str] = {}
    for name, probe in (("database", _database), ("cache", _cache)):
        try:
            probe()
            checks[name] = "ok"
        except Exception:
            logger.exception("readiness check %s failed", name)
            checks[name] = "fail"
    body: dict = {"checks": checks}
    if checks["database"] == "ok":
        try:
            lag = queue_lag_seconds()
            body["queue_lag_seconds"] = round(lag, 1)
            limit = settings.QUARTIER_READY_MAX_QUEUE_LAG
            checks["queue"] = "ok" if lag <= limit else "lagging"
        except Exception:
            logger.exception("readiness check queue failed")
            checks["queue"] = "fail"
    else:
        checks["queue"] = "fail"
    # The cache is reported but does not take the server out: without Redis the
    # portal still serves (quartier/core/cache.py), and since every app server shares
    # that Redis, a 503 would take all of them out of the balancer at once.
    ready = all(state == "ok" for name, state in checks.items() if name != "cache")
    if not ready:
        body["status"] = "fail"
    else:
        body["status"] = "ok" if checks["cache"] == "ok" else "degraded"
    return JsonResponse(body, status=200 if ready else 503)
