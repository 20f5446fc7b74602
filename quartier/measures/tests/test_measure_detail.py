import pytest

from conftest import ROLES
from quartier.measures.models import Measure

from .factories import ProgressUpdateFactory

OUTSIDERS = [r for r in ROLES if r not in {"manager", "city_admin"}]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_public_measure_is_visible_to_everyone(client, login_as, measure, role):
    login_as(role)
    response = client.get(measure.get_absolute_url())
    assert response.status_code == 200
    assert "Spielplatz" in response.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 404),
        ("resident", 404),
        ("org_rep", 404),
        ("moderator", 404),
        ("other_manager", 404),
        ("manager", 200),
        ("city_admin", 200),
    ],
)
def test_unpublished_measure_only_for_its_team(
    client, login_as, draft_measure, role, status
):
    login_as(role)
    assert client.get(draft_measure.get_absolute_url()).status_code == status


@pytest.mark.django_db
def test_detail_shows_costs_by_source_and_totals(client, measure):
    html = client.get(measure.get_absolute_url()).text
    assert "Bund" in html and "Stadt" in html
    assert "450 €" in html  # planned total
    assert "100 €" in html  # spent total


@pytest.mark.django_db
def test_detail_shows_progress_updates_newest_first(client, measure):
    import datetime as dt

    ProgressUpdateFactory(
        measure=measure, date=dt.date(2024, 1, 2), title="Alter Bericht"
    )
    ProgressUpdateFactory(
        measure=measure, date=dt.date(2024, 6, 1), title="Neuer Bericht"
    )
    html = client.get(measure.get_absolute_url()).text
    assert html.index("Neuer Bericht") < html.index("Alter Bericht")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "shown"),
    [(r, False) for r in OUTSIDERS] + [("manager", True), ("city_admin", True)],
)
def test_history_only_for_staff(client, login_as, measure, role, shown):
    login_as(role)
    html = client.get(measure.get_absolute_url()).text
    assert ("Änderungsverlauf" in html) is shown


@pytest.mark.django_db
def test_stopped_measure_shows_its_reason(client, measure):
    measure.status = Measure.Status.STOPPED
    measure.stop_reason = "Fläche nicht verfügbar"
    measure.save()
    assert "Fläche nicht verfügbar" in client.get(measure.get_absolute_url()).text


@pytest.mark.django_db
def test_detail_of_a_planned_quarter_is_hidden(client, measure):
    measure.quarter.status = "planned"
    measure.quarter.save()
    assert client.get(measure.get_absolute_url()).status_code == 404
