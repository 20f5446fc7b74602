import pytest

from .factories import IdeaFactory


@pytest.fixture
def author(db):
    from quartier.accounts.tests.factories import UserFactory

    return UserFactory(display_name="Ideengeberin")


@pytest.fixture
def idea(quarter, author):
    point = quarter.shape.representative_point()
    return IdeaFactory(
        quarter=quarter, author=author, longitude=point.x, latitude=point.y
    )


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
