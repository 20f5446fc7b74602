from decimal import Decimal

import pytest

from quartier.measures import reports

from .factories import GoalFactory, MeasureFactory


@pytest.mark.django_db
def test_list_measures_with_filters(client, measure, other_quarter):
    MeasureFactory(quarter=other_quarter, title="Anderswo", status="completed")
    data = client.get("/api/v1/measures/", {"quarter": "schinkel"}).json()
    assert [m["title"] for m in data["items"]] == ["Spielplatz"]
    assert Decimal(data["items"][0]["planned_total"]) == 450
    assert data["license"]["id"] == "dl-de/by-2-0"
    completed = client.get("/api/v1/measures/", {"status": "completed"}).json()
    assert [m["title"] for m in completed["items"]] == ["Anderswo"]
    field = measure.action_fields.get()
    by_field = client.get("/api/v1/measures/", {"field": field.pk}).json()
    assert by_field["count"] == 1


@pytest.mark.django_db
def test_drafts_are_not_in_the_api(client, draft_measure):
    assert client.get("/api/v1/measures/").json()["count"] == 0
    assert client.get(f"/api/v1/measures/{draft_measure.pk}/").status_code == 404


@pytest.mark.django_db
def test_measure_detail_has_funding_lines(client, measure):
    data = client.get(f"/api/v1/measures/{measure.pk}/").json()
    assert {(f["source"], f["year"]) for f in data["funding"]} == {
        ("bund", 2024),
        ("stadt", 2025),
    }
    assert data["location"]["type"] == "Point"


@pytest.mark.django_db
def test_locations_geojson(client, measure):
    response = client.get("/api/v1/measures/locations.geojson")
    assert response["Content-Type"] == "application/geo+json"
    body = response.json()
    assert body["type"] == "FeatureCollection"
    assert body["features"][0]["properties"]["title"] == "Spielplatz"


@pytest.mark.django_db
def test_finance_equals_the_chart(client, measure):
    data = client.get("/api/v1/measures/finance/schinkel/").json()
    finance = reports.finance_overview(measure.quarter)
    assert Decimal(data["total_planned"]) == finance["total_planned"]
    assert [row["year"] for row in data["by_year"]] == [2024, 2025]


@pytest.mark.django_db
def test_fields_and_goals(client, measure):
    GoalFactory(action_field=measure.action_fields.get(), title="Mehr Grün")
    fields = client.get("/api/v1/measures/fields/").json()
    assert fields["items"][0]["goals"][0]["title"] == "Mehr Grün"
    goals = client.get("/api/v1/measures/goals/", {"quarter": "schinkel"}).json()
    assert goals["count"] == 1


@pytest.mark.django_db
def test_openapi_lists_the_endpoints(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/api/v1/measures/",
        "/api/v1/measures/locations.geojson",
        "/api/v1/measures/finance/{quarter_slug}/",
        "/api/v1/measures/fields/",
        "/api/v1/measures/goals/",
        "/api/v1/measures/{measure_id}/",
    ):
        assert path in paths


@pytest.mark.django_db
@pytest.mark.parametrize("count", [2, 20])
def test_api_query_counts_do_not_grow(
    client, quarter, count, django_assert_num_queries
):
    from .conftest import make_measures

    make_measures(quarter, count)
    with django_assert_num_queries(3):
        assert client.get("/api/v1/measures/").json()["count"] == count
    with django_assert_num_queries(1):
        assert (
            len(client.get("/api/v1/measures/locations.geojson").json()["features"])
            == count
        )
