"""Role fixtures shared by every app's tests (see house-style §6)."""

import pytest
from django.contrib.auth.models import Group

from quartier.accounts.tests.factories import UserFactory
from quartier.quarters.permissions import CITY_EDITORS, MODERATORS
from quartier.quarters.tests.factories import QuarterFactory


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


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
def org_rep(db):
    return UserFactory(display_name="Bürgerverein")


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
