"""Role fixtures shared by every app's tests (see house-style §6).

Passwords hash with MD5 under pytest (config/settings.py, `TESTING`): every role
fixture creates an account, and PBKDF2 would dominate the run time.
"""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.utils import translation

from quartier.accounts.tests.factories import UserFactory
from quartier.community.tests.factories import MembershipFactory, OrganisationFactory
from quartier.quarters.permissions import CITY_EDITORS, MODERATORS
from quartier.quarters.tests.factories import QuarterFactory

# Every role fixture below, for permission matrices over all of them:
# `@pytest.mark.parametrize("role", ROLES)` with `from conftest import ROLES`.
ROLES = [
    "anonymous",
    "resident",
    "org_rep",
    "moderator",
    "other_manager",
    "manager",
    "city_admin",
]


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _german_first():
    # A request under /en/ leaves English active in the thread: the next test would
    # read English where it expects the default language (and only in some orders).
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _empty_cache():
    # Rate limits and allauth's failed-login count live in the cache, Wagtail's
    # site roots too: one test's lockout or rows must not leak into the next.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def login_as(client, request):
    """Log `client` in as the role fixture named `role`; returns the user.

    `anonymous` is None and stays logged out, so a matrix reads
    `login_as(role)` for every row.
    """

    def login(role):
        if user := request.getfixturevalue(role):
            client.force_login(user)
        return user

    return login


@pytest.fixture
def quarter(db):
    return QuarterFactory(
        name="Sanierungsgebiet Schinkel", short_name="Schinkel", slug="schinkel"
    )


@pytest.fixture
def other_quarter(db):
    return QuarterFactory(
        name="Stadtquartier Dodesheide", short_name="Dodesheide", slug="dodesheide"
    )


@pytest.fixture
def anonymous():
    return None


@pytest.fixture
def resident(db):
    return UserFactory(display_name="Erika M.")


@pytest.fixture
def organisation(quarter):
    return OrganisationFactory(
        name="Nachbarschaftsverein Schinkel e. V.",
        slug="nachbarschaftsverein",
        quarters=[quarter],
    )


@pytest.fixture
def org_rep(organisation):
    """Acts for `organisation`: a membership its quarter team has verified."""
    user = UserFactory(display_name="Nachbarschaftsverein")
    MembershipFactory(organisation=organisation, user=user, role="Vorstand")
    return user


@pytest.fixture
def roles(db):
    from quartier.accounts.services import roles_ensure

    roles_ensure()


@pytest.fixture
def moderator(roles):
    return UserFactory(groups=[Group.objects.get(name=MODERATORS)])


@pytest.fixture
def city_admin(roles):
    return UserFactory(groups=[Group.objects.get(name=CITY_EDITORS)])


@pytest.fixture
def manager(quarter):
    return UserFactory(groups=[quarter.team])


@pytest.fixture
def other_manager(other_quarter):
    return UserFactory(groups=[other_quarter.team])


@pytest.fixture
def site_tree(db):
    """The German and English page trees with legal pages, as the demo builds them."""
    from quartier.cms.demo.seed import seed_site

    return seed_site()


@pytest.fixture
def demo(db):
    """The full Osnabrück demo: page trees, four quarters with offices, accounts."""
    from django.core.management import call_command

    call_command("seed_demo", password_file=str(_demo_password_file()), stdout=_Null())


def _demo_password_file():
    import tempfile
    from pathlib import Path

    return Path(tempfile.mkdtemp()) / "password.txt"


class _Null:
    def write(self, *args, **kwargs):
        pass
