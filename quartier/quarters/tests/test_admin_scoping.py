"""A quarter team edits its own quarter, office and pages; never another quarter's."""

import pytest

from quartier.accounts.models import User
from quartier.cms.models import QuarterPage
from quartier.quarters.models import Office, Quarter


@pytest.fixture
def schinkel_team(demo):
    return User.objects.get(email="team-schinkel@quartier.example")


def _login(client, user):
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_team_lists_only_its_own_quarter_and_offices(client, schinkel_team):
    _login(client, schinkel_team)
    quarters = client.get("/admin/quarters/").content.decode()
    assert "Sanierungsgebiet Schinkel" in quarters
    assert "Stadtquartier Dodesheide" not in quarters
    offices = client.get("/admin/offices/").content.decode()
    assert "Stadtteilbüro Schinkel" in offices
    assert "Quartierstreff Dodesheide-Ost" not in offices


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("slug", "allowed"), [("schinkel", True), ("dodesheide", False)]
)
def test_team_edits_only_its_own_quarter(client, schinkel_team, slug, allowed):
    _login(client, schinkel_team)
    quarter = Quarter.objects.get(slug=slug)
    response = client.get(f"/admin/quarters/edit/{quarter.pk}/")
    assert (response.status_code == 200) is allowed
    office = Office.objects.filter(quarter=quarter).first()
    response = client.get(f"/admin/offices/edit/{office.pk}/")
    assert (response.status_code == 200) is allowed


@pytest.mark.django_db
def test_team_cannot_move_an_office_into_another_quarter(client, schinkel_team):
    _login(client, schinkel_team)
    office = Office.objects.get(name="Stadtteilbüro Schinkel")
    edit = client.get(f"/admin/offices/edit/{office.pk}/").content.decode()
    assert "Stadtquartier Dodesheide" not in edit  # not even offered


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("slug", "allowed"), [("schinkel", True), ("dodesheide", False)]
)
def test_team_edits_only_its_own_quarter_pages(client, schinkel_team, slug, allowed):
    _login(client, schinkel_team)
    for page in QuarterPage.objects.filter(quarter__slug=slug):  # German and English
        assert page.permissions_for_user(schinkel_team).can_edit() is allowed
        response = client.get(f"/admin/pages/{page.pk}/edit/")
        assert (response.status_code == 200) is allowed
        news = page.get_children().first()
        assert (
            news.permissions_for_user(schinkel_team).can_add_subpage() is allowed
            if news
            else True
        )


@pytest.mark.django_db
def test_team_change_is_saved_for_own_office(client, schinkel_team):
    _login(client, schinkel_team)
    office = Office.objects.get(name="Stadtteilbüro Schinkel")
    quarter = Quarter.objects.get(slug="dodesheide")
    response = client.post(
        f"/admin/offices/edit/{office.pk}/",
        {
            "quarter": quarter.pk,
            "name": office.name,
            "kind": office.kind,
            "status": office.status,
            "street": office.street,
            "postcode": office.postcode,
            "city": office.city,
            "hours-TOTAL_FORMS": "0",
            "hours-INITIAL_FORMS": "0",
            "closures-TOTAL_FORMS": "0",
            "closures-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200  # form error, not saved
    office.refresh_from_db()
    assert office.quarter.slug == "schinkel"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("resident", 302),
        ("moderator", 200),
        ("manager", 200),
        ("city_admin", 200),
    ],
)
def test_admin_dashboard_access(client, login_as, role, status, site_tree):
    user = login_as(role)
    if role == "manager":
        from quartier.quarters.permissions import QUARTER_TEAM, role_permissions

        user.groups.first().permissions.add(*role_permissions(QUARTER_TEAM))
    assert client.get("/admin/").status_code == status
