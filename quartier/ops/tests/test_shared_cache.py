"""Issue 11.8: rate limits hold across processes when no CACHE_URL is configured."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]

# One "worker process": the real settings (no test overrides), ten wrong passwords
# through allauth's own pre-authentication check; prints how many reached the check.
ATTEMPTS = """
import django
django.setup()
from allauth.account.adapter import get_adapter
from django.core.exceptions import ValidationError
from django.test import RequestFactory
passed = 0
for _ in range(10):
    request = RequestFactory().post(
        "/konto/login/", REMOTE_ADDR="192.0.2.7", HTTP_HOST="127.0.0.1"
    )
    try:
        get_adapter(request).pre_authenticate(request, email="max@example.org", password="falsch")
    except ValidationError:
        continue
    passed += 1
print(passed)
"""


def _process_env(tmp_path: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTEST", "DJANGO", "QUARTIER", "CACHE_URL"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DATABASE_URL=f"sqlite:///{tmp_path / 'shared.sqlite3'}",
        SECRET_KEY="test-only-secret-key-for-the-cache-processes",
        QUARTIER_TESTING="false",
        DEBUG="false",
    )
    return env


def _run(code: str, env: dict[str, str]) -> str:
    completed = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    return completed.stdout.strip()


@pytest.mark.parametrize("processes", [2])
def test_login_limit_counts_across_processes(tmp_path, processes):
    env = _process_env(tmp_path)
    # What `migrate` does for the cache on a fresh installation (ops migration 0002).
    _run(
        "import django; django.setup(); from django.core.management import"
        " call_command; call_command('createcachetable')",
        env,
    )
    passed = [int(_run(ATTEMPTS, env)) for _ in range(processes)]
    # ACCOUNT_RATE_LIMITS allows 5 failed logins per 5 minutes: 5 in all, not 5 each.
    assert sum(passed) == 5, passed


def test_default_cache_is_shared_without_cache_url(tmp_path):
    env = _process_env(tmp_path)
    backend = _run(
        "import django; django.setup(); from django.conf import settings;"
        " print(settings.CACHES['default']['BACKEND'])",
        env,
    )
    assert backend == "django.core.cache.backends.db.DatabaseCache"
