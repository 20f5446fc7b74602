"""Guard: on an installation set up without the demo, each role reaches its admin views.

The installation gets only what a city runs: `roles_ensure` (the ensure_roles command)
and a quarter added through `quarter_create`. Then a city editor and a member of the
new quarter's team walk the index (and add) view of every admin viewset of our apps.
City editors manage everything except accounts; a team manages the quarter-owned
models and nothing city-wide. Grants come only from the apps' ROLE_GRANTS.
"""

from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import NoReverseMatch, get_resolver, reverse
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.model import ModelViewSet

from quartier.accounts.services import roles_ensure
from quartier.accounts.tests.factories import UserFactory
from quartier.quarters.models import Quarter
from quartier.quarters.permissions import CITY_EDITORS, QUARTER_TEAM, role_permissions
from quartier.quarters.services import quarter_create
from quartier.quarters.tests.factories import square

pytestmark = pytest.mark.django_db

# Models a quarter team manages in the admin (scoped to its quarter by the policies).
TEAM_MANAGES = {
    "quarters.Quarter",
    "quarters.Office",
    "community.Organisation",
    "community.Opportunity",
    "community.Vacancy",
    "community.CommercialStock",
    "participation.CallForIdeas",
    "participation.Poll",
    "participation.Category",
    "participation.QuarterParticipationSettings",
    "measures.Measure",
    "measures.ActionField",
    "funds.Fund",
    "funds.FundRound",
    "funds.JuryMember",
    "events.Event",
    "events.Venue",
}
# Only superusers manage accounts; feedback comes from the site and job runs from the
# worker, so nobody adds either in the admin.
EDITORS_DO_NOT_MANAGE = {"accounts.User"}
NO_ADD_VIEW = {
    "cms.Feedback",
    "quarters.Quarter",
    "funds.FundRound",
    "funds.JuryMember",
    "ops.JobRun",
}


def admin_viewsets() -> list[ModelViewSet]:
    get_resolver().url_patterns  # noqa: B018 - loading the admin URLs registers the viewsets
    ours = {
        config.label
        for config in apps.get_app_configs()
        if config.name.startswith("quartier.")
    }
    return [
        vs
        for vs in viewsets.viewsets
        if isinstance(vs, ModelViewSet) and vs.model._meta.app_label in ours
    ]


@pytest.fixture
def installation(site_tree):
    roles_ensure()
    quarter = quarter_create(
        quarter=Quarter(
            name="Neues Quartier",
            short_name="Neu",
            slug="neu",
            kind=Quarter.Kind.STADTQUARTIER,
            boundary=square(8.3, 52.3),
        )
    )
    editor = UserFactory(groups=[Group.objects.get(name=CITY_EDITORS)])
    member = UserFactory(groups=[quarter.team])
    return editor, member


def _status(client, viewset, view: str) -> int | None:
    try:
        url = reverse(viewset.get_url_name(view))
    except NoReverseMatch:
        return None
    return client.get(url).status_code


def test_the_walk_sees_every_viewset():
    labels = {vs.model._meta.label for vs in admin_viewsets()}
    assert TEAM_MANAGES <= labels
    assert len(labels) >= 20


def test_city_editor_reaches_every_admin_viewset(client, installation):
    editor, _member = installation
    client.force_login(editor)
    refused = []
    for viewset in admin_viewsets():
        label = viewset.model._meta.label
        if label in EDITORS_DO_NOT_MANAGE:
            continue
        if _status(client, viewset, "index") != 200:
            refused.append(f"{label} index")
        if label not in NO_ADD_VIEW and _status(client, viewset, "add") not in (
            200,
            None,
        ):
            refused.append(f"{label} add")
    assert refused == []


def test_team_member_reaches_its_viewsets_and_nothing_city_wide(client, installation):
    _editor, member = installation
    client.force_login(member)
    wrong = []
    for viewset in admin_viewsets():
        label = viewset.model._meta.label
        status = _status(client, viewset, "index")
        if (status == 200) != (label in TEAM_MANAGES):
            wrong.append(f"{label}: {status}")
    assert wrong == []


def test_grants_are_declared_only_in_role_grants():
    """No demo module grants permissions: a real installation would lack them."""
    for config in apps.get_app_configs():
        if not config.name.startswith("quartier."):
            continue
        try:
            demo = import_module(f"{config.name}.demo")
        except ModuleNotFoundError:
            continue
        source = open(demo.__file__, encoding="utf-8").read()
        assert "permissions.add(" not in source, config.name
    assert role_permissions(QUARTER_TEAM)
