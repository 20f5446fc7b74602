"""The Redis cache, made to survive a Redis outage.

Django's own `RedisCache` raises on every call while Redis is down, and the cache is
read on every page (Wagtail's site lookup, sessions with `cached_db`, allauth's and our
rate limits), so a Redis outage would turn into a portal outage. django-redis has an
"ignore exceptions" switch, but it makes every read a miss and every write a no-op:
`cache.add` then never succeeds and `incr` fails, so rate limits would stop counting
at all. This subclass keeps Django's client and adds one thing: while Redis does not
answer, calls go to a small in-process memory cache instead.

What that means, and what the README's deployment section promises:
- pages keep answering: reads are misses (or what this process stored meanwhile);
- rate limits keep counting, per process: each gunicorn worker enforces its limits on
  its own until Redis is back, so a client gets at most limit × processes tries. We
  chose this over failing open (no limit while Redis is down, which an attacker could
  provoke) and over refusing everyone (a cache outage would lock out every login);
- a logged warning once per outage ("cache unreachable"), and `/readyz` names the cache
  as failing;
- after an outage, a retry every `RETRY_SECONDS` (so a dead Redis costs one quick
  refused connection per process and interval, not one per call); when Redis answers
  again, every key this process wrote or deleted meanwhile is deleted in Redis before
  anything else, so an entry invalidated during the outage is not served stale.
"""

from __future__ import annotations

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger("quartier.cache")

RETRY_SECONDS = 5.0


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._fallback = LocMemCache(
            "quartier-cache-fallback", {"OPTIONS": {"MAX_ENTRIES": 5000}}
        )
        self._lock = threading.Lock()
        self._down_since: float | None = None
        self._retry_at = 0.0
        # (key, version) of each write while Redis was down
        self._touched: set[tuple[str, int | None]] = set()

    @property
    def degraded(self) -> bool:
        """True while calls go to the in-process fallback."""
        return self._down_since is not None

    def _call(self, name: str, keys, version, *args):
        if self._down_since is not None and time.monotonic() < self._retry_at:
            return self._local(name, keys, version, *args)
        try:
            if self._down_since is not None:
                self._recover()
            return getattr(super(), name)(*args)
        except RedisError:
            with self._lock:
                if self._down_since is None:
                    self._down_since = time.monotonic()
                    logger.warning(
                        "cache unreachable: using a per-process fallback", exc_info=True
                    )
                self._retry_at = time.monotonic() + RETRY_SECONDS
            return self._local(name, keys, version, *args)

    def _local(self, name: str, keys, version, *args):
        if name not in ("get", "get_many", "has_key"):
            with self._lock:
                self._touched.update((key, version) for key in keys)
        return getattr(self._fallback, name)(*args)

    def _recover(self) -> None:
        """Redis answers again: drop what changed meanwhile, then use Redis."""
        with self._lock:
            touched = set(self._touched)
        for version in {version for _, version in touched}:
            super().delete_many(
                [key for key, v in touched if v == version], version=version
            )
        with self._lock:
            self._touched -= touched  # a failure above keeps them for the next try
        self._fallback.clear()
        outage = time.monotonic() - (self._down_since or time.monotonic())
        self._down_since = None
        logger.warning("cache reachable again", extra={"outage_seconds": round(outage)})

    # Every public operation of RedisCache, routed through _call with its keys.
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", [key], version, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call("get", [key], version, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", [key], version, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", [key], version, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", [key], version, key, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", list(keys), version, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", [key], version, key, version)

    def incr(self, key, delta=1, version=None):
        return self._call("incr", [key], version, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", list(data), version, data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", list(keys), version, keys, version)

    def clear(self):
        return self._call("clear", [], None)
