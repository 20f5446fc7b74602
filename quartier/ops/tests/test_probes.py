"""/healthz and /readyz: what a balancer, compose or systemd asks before sending traffic."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from quartier.funds.tasks import send_proof_reminders
from quartier.ops import views

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def database_queue(settings):
    settings.TASKS = DATABASE_QUEUE


@pytest.mark.django_db
def test_ready_when_database_cache_and_queue_answer(client, database_queue):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {
        "checks": {"database": "ok", "cache": "ok", "queue": "ok"},
        "queue_lag_seconds": 0.0,
        "status": "ok",
    }
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_not_ready_when_the_queue_lags(client, settings, database_queue):
    settings.QUARTIER_READY_MAX_QUEUE_LAG = 300
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        send_proof_reminders.enqueue()
    with time_machine.travel(start + datetime.timedelta(seconds=299), tick=False):
        assert client.get("/readyz").status_code == 200
    with time_machine.travel(start + datetime.timedelta(seconds=301), tick=False):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["queue"] == "lagging"
    assert response.json()["queue_lag_seconds"] == 301.0


@pytest.mark.django_db
def test_degraded_but_serving_when_the_cache_is_down(client, settings, database_queue):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/7",  # nothing listens on port 1
        }
    }
    response = client.get("/readyz")
    # Every app server shares the one Redis: a 503 would take them all out at once.
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["cache"] == "fail"
    assert response.json()["checks"]["database"] == "ok"


@pytest.mark.django_db
def test_not_ready_when_the_database_is_down(client, monkeypatch, database_queue):
    def unreachable():
        raise OSError("connection refused")

    monkeypatch.setattr(views, "_database", unreachable)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"] == {
        "database": "fail",
        "cache": "ok",
        "queue": "fail",
    }
    assert "refused" not in response.content.decode()


def test_alive_without_touching_the_database(client, monkeypatch):
    # No django_db mark: any query would fail this test.
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"


@pytest.mark.django_db
def test_probes_answer_plain_http_behind_the_tls_proxy(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 200
    assert client.get("/konto/login/").status_code == 301
