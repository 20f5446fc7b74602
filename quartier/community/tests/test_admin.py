import pytest
from django.urls import reverse

from quartier.community.models import Vacancy
from quartier.quarters.permissions import QUARTER_TEAM, role_permissions

from .factories import OrganisationFactory, VacancyFactory


@pytest.fixture
def teams(quarter, other_quarter):
    for q in (quarter, other_quarter):
        q.team.permissions.add(*role_permissions(QUARTER_TEAM))


@pytest.mark.django_db
def test_team_lists_and_edits_only_its_quarters_entries(
    client, teams, quarter, other_quarter, manager
):
    mine = OrganisationFactory(name="Schinkel-Verein", quarters=[quarter])
    theirs = OrganisationFactory(name="Dodesheide-Verein", quarters=[other_quarter])
    client.force_login(manager)
    listing = client.get(reverse("organisations:index")).text
    assert "Schinkel-Verein" in listing and "Dodesheide-Verein" not in listing
    assert client.get(reverse("organisations:edit", args=[mine.pk])).status_code == 200
    response = client.get(reverse("organisations:edit", args=[theirs.pk]))
    assert response.status_code == 404


def _inline(prefix):
    return {
        f"{prefix}-TOTAL_FORMS": "0",
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


@pytest.mark.django_db
def test_shared_entry_keeps_the_other_teams_quarter(
    client, teams, quarter, other_quarter, manager
):
    shared = OrganisationFactory(name="Geteilt", quarters=[quarter, other_quarter])
    client.force_login(manager)
    response = client.post(
        reverse("organisations:edit", args=[shared.pk]),
        {
            "name": "Geteilt, neu",
            "slug": shared.slug,
            "kind": "club",
            "quarters": [quarter.pk],
            "city": "Osnabrück",
            "is_published": "on",
            **_inline("hours"),
            **_inline("closures"),
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    shared.refresh_from_db()
    assert shared.name == "Geteilt, neu"
    assert set(shared.quarters.all()) == {quarter, other_quarter}


@pytest.mark.django_db
def test_vacancy_admin_scoped_to_team(client, teams, quarter, other_quarter, manager):
    VacancyFactory(quarter=quarter, title="Eigener Laden")
    VacancyFactory(quarter=other_quarter, title="Fremder Laden")
    client.force_login(manager)
    listing = client.get(reverse("vacancies:index")).text
    assert "Eigener Laden" in listing and "Fremder Laden" not in listing
    response = client.post(
        reverse("vacancies:add"),
        {
            "quarter": other_quarter.pk,
            "title": "Untergeschoben",
            "street": "Weg 1",
            "postcode": "49088",
            "area_m2": "50",
            "use_class": "retail",
            "contact_email": "x@example.org",
            "status": "available",
            "vacant_since": "2026-01-01",
            "is_published": "on",
        },
    )
    assert response.status_code == 200  # form error: not the team's quarter
    assert not Vacancy.objects.filter(title="Untergeschoben").exists()
