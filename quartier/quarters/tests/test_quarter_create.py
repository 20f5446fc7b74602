import pytest
from django.contrib.auth.models import Group
from wagtail.models import Collection, GroupPagePermission

from quartier.accounts.tests.factories import UserFactory
from quartier.cms.models import QuarterPage
from quartier.quarters.models import Quarter
from quartier.quarters.services import quarter_create
from quartier.quarters.tests.factories import square


@pytest.mark.django_db
def test_quarter_create_sets_up_team_collection_and_page(site_tree):
    quarter = quarter_create(
        quarter=Quarter(
            name="Johannis-Quartier",
            short_name="Johannis",
            slug="johannis",
            kind=Quarter.Kind.STADTQUARTIER,
            boundary=square(8.04, 52.27),
        ),
        teaser="Interkultureller Wohlfühlort",
    )
    assert Group.objects.filter(
        name="Quartiersteam Johannis", managed_quarter=quarter
    ).exists()
    assert Collection.objects.filter(name="Johannis-Quartier").exists()
    page = QuarterPage.objects.get(quarter=quarter)
    assert page.live and page.url == "/quartiere/johannis/"
    assert (
        GroupPagePermission.objects.filter(group=quarter.team, page=page).count() == 5
    )
    member = UserFactory(groups=[quarter.team])
    assert page.permissions_for_user(member).can_edit()
    assert page.permissions_for_user(member).can_publish()


@pytest.mark.django_db
def test_fifth_quarter_from_the_admin_without_code(client, site_tree, city_admin):
    client.force_login(city_admin)
    form = {
        "name": "Johannis-Quartier",
        "short_name": "Johannis",
        "slug": "johannis",
        "kind": "stadtquartier",
        "status": "active",
        "sort_order": "5",
        "boundary": '{"type": "Polygon", "coordinates": [[[8.04, 52.27], [8.05, 52.27], [8.05, 52.28], [8.04, 52.27]]]}',
        "boundary_is_schematic": "on",
        "facts_source": "",
        "inhabitants_note": "",
        "budget_note": "",
        "programmes-TOTAL_FORMS": "0",
        "programmes-INITIAL_FORMS": "0",
        "programmes-MIN_NUM_FORMS": "0",
        "programmes-MAX_NUM_FORMS": "1000",
        "team_members-TOTAL_FORMS": "0",
        "team_members-INITIAL_FORMS": "0",
        "team_members-MIN_NUM_FORMS": "0",
        "team_members-MAX_NUM_FORMS": "1000",
    }
    response = client.post("/admin/quarters/new/", form)
    assert response.status_code == 302, response.content.decode()[:3000]
    quarter = Quarter.objects.get(slug="johannis")
    assert quarter.team is not None
    assert client.get("/quartiere/johannis/").status_code == 200


@pytest.mark.django_db
def test_admin_rejects_an_invalid_boundary_and_keeps_the_input(
    client, site_tree, city_admin
):
    client.force_login(city_admin)
    response = client.post(
        "/admin/quarters/new/",
        {
            "name": "Kaputt",
            "short_name": "Kaputt",
            "slug": "kaputt",
            "kind": "stadtquartier",
            "status": "active",
            "sort_order": "0",
            "boundary": '{"type": "Point", "coordinates": [8, 52]}',
            "programmes-TOTAL_FORMS": "0",
            "programmes-INITIAL_FORMS": "0",
            "team_members-TOTAL_FORMS": "0",
            "team_members-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "GeoJSON-Fläche" in response.content.decode()
    assert not Quarter.objects.filter(slug="kaputt").exists()
