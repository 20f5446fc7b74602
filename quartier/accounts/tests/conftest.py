import pytest


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    # Every role fixture hashes a password; PBKDF2 would dominate the run time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _empty_cache():
    # allauth counts failed logins in the cache; one test's lockout must not leak.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
