import pytest
from django.urls import reverse

from .conftest import make_measures
from .factories import GoalFactory


def url(quarter, name="plan"):
    return reverse(f"measures:{name}", kwargs={"quarter_slug": quarter.slug})


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role",
    [
        "anonymous",
        "resident",
        "org_rep",
        "moderator",
        "other_manager",
        "manager",
        "city_admin",
    ],
)
@pytest.mark.parametrize(
    "name", ["plan", "list", "map", "timeline", "finance", "report"]
)
def test_quarter_pages_are_public(client, login_as, measure, role, name):
    login_as(role)
    response = client.get(url(measure.quarter, name))
    assert response.status_code == 200
    assert response.text.count("<h1") == 1


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
def test_plan_of_a_planned_quarter_only_for_its_team(
    client, login_as, quarter, role, status
):
    quarter.status = "planned"
    quarter.save()
    login_as(role)
    assert client.get(url(quarter)).status_code == status


@pytest.mark.django_db
def test_plan_groups_measures_under_fields_and_goals(client, measure):
    field = measure.action_fields.get()
    goal = GoalFactory(action_field=field, title="Mehr Spielraum")
    measure.goals.set([goal])
    measure.save()
    html = client.get(url(measure.quarter)).text
    assert html.index("Grün- und Freiflächen") < html.index("Mehr Spielraum")
    assert html.index("Mehr Spielraum") < html.index("Spielplatz")
    assert "status--planning" in html


@pytest.mark.django_db
def test_draft_measures_are_hidden_from_the_public_plan(
    client, login_as, measure, draft_measure
):
    assert "Entwurf" not in client.get(url(measure.quarter)).text
    login_as("manager")
    assert "Entwurf" in client.get(url(measure.quarter)).text


@pytest.mark.django_db
@pytest.mark.parametrize("count", [2, 20])
def test_plan_query_count_does_not_grow(
    client, quarter, count, django_assert_num_queries
):
    make_measures(quarter, count)
    with django_assert_num_queries(10):
        assert client.get(url(quarter)).status_code == 200
