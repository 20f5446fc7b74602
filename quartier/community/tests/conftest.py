import pytest


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # Every role fixture hashes a password; PBKDF2 makes that the slowest part of a test.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Rate limits count in the cache: each test starts from zero.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
