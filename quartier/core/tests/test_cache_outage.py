"""Redis down: pages answer, rate limits count per process, /readyz names the cache."""

import socket

import pytest
from allauth.account.adapter import DefaultAccountAdapter
from django.core.cache import cache
from django.core.cache.backends.redis import RedisCache
from django.utils import translation
from redis.exceptions import ConnectionError as RedisConnectionError

from quartier.accounts.tests.factories import UserFactory
from quartier.core.ratelimit import hit

# Port 8115 is this suite's own and nothing listens there: a Redis that is down.
CLOSED = "redis://127.0.0.1:8115/5"
REDIS = "redis://127.0.0.1:6379/5"


def resilient(location: str) -> dict:
    return {
        "default": {
            "BACKEND": "quartier.core.cache.ResilientRedisCache",
            "LOCATION": location,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }


@pytest.fixture
def redis_down(settings):
    settings.CACHES = resilient(CLOSED)


def redis_answers() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return False
    return True


@pytest.mark.django_db
def test_pages_answer_while_redis_is_down(client, site_tree, redis_down):
    for path in ("/", "/veranstaltungen/", "/konto/login/"):
        assert client.get(path).status_code == 200, path
    assert cache.degraded


@pytest.mark.django_db
def test_without_the_fallback_the_same_page_fails(client, site_tree, settings):
    # What the wrapper is for: Django's own Redis backend raises on every call.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CLOSED,
        }
    }
    with pytest.raises(RedisConnectionError):
        client.get("/")


def test_rate_limits_count_in_the_process_while_redis_is_down(redis_down):
    assert [hit("probe:a", limit=2, window=60) for _ in range(3)] == [
        False,
        False,
        True,
    ]


@pytest.mark.django_db
def test_the_login_limit_still_holds_while_redis_is_down(client, redis_down):
    user = UserFactory(email="max@example.org")
    with translation.override("de"):
        limited = str(DefaultAccountAdapter.error_messages["too_many_login_attempts"])
    answers = [
        client.post(
            "/konto/login/", {"login": user.email, "password": "falsch"}
        ).content.decode()
        for _ in range(6)
    ]
    assert all(limited not in answer for answer in answers[:5])
    assert limited in answers[5]


@pytest.mark.django_db
def test_readyz_names_the_cache_but_keeps_the_server_in(client, redis_down):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["checks"]["cache"] == "fail"
    assert response.json()["checks"]["database"] == "ok"
    assert response.json()["status"] == "degraded"


@pytest.mark.skipif(not redis_answers(), reason="needs Redis on 127.0.0.1:6379")
def test_an_entry_deleted_during_the_outage_is_not_served_stale(settings, monkeypatch):
    settings.CACHES = resilient(REDIS)
    cache.set("outage:page", "old")

    def unreachable(*args, **kwargs):
        raise RedisConnectionError("down")

    with monkeypatch.context() as patch:
        for name in ("get", "set", "delete"):
            patch.setattr(RedisCache, name, unreachable)
        cache.delete("outage:page")  # a write invalidates it while Redis is down
        assert cache.get("outage:page") is None
        assert cache.degraded
    cache._retry_at = 0  # the retry interval has passed
    assert cache.get("outage:page") is None  # not "old": deleted on the way back
    assert not cache.degraded
    cache.set("outage:page", "new")
    assert cache.get("outage:page") == "new"
    cache.delete("outage:page")
