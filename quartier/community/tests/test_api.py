import pytest

from .factories import (
    BusinessFactory,
    HelpPostFactory,
    OpportunityFactory,
    OrganisationFactory,
    VacancyFactory,
)


@pytest.mark.django_db
def test_actor_geojson_has_points_and_licence_but_no_addresses_of_people(
    client, quarter
):
    OrganisationFactory(
        name="Verein", quarters=[quarter], contact_email="x@example.org"
    )
    BusinessFactory(quarters=[quarter])
    response = client.get("/api/v1/community/actors.geojson")
    assert response["Content-Type"] == "application/geo+json"
    data = response.json()
    assert data["type"] == "FeatureCollection"
    assert data["license"]["id"] == "dl-de/by-2-0"
    assert [f["properties"]["name"] for f in data["features"]] == ["Verein"]
    assert data["features"][0]["geometry"]["type"] == "Point"
    assert "x@example.org" not in response.text


@pytest.mark.django_db
def test_business_list_reports_open_now(client, quarter):
    BusinessFactory(quarters=[quarter])
    data = client.get("/api/v1/community/businesses/").json()
    assert data["count"] == 1
    assert data["items"][0]["open_now"] in (True, False)


@pytest.mark.django_db
def test_vacancies_filter_by_size_and_quarter(client, quarter, other_quarter):
    from decimal import Decimal

    VacancyFactory(quarter=quarter, area_m2=Decimal("65"), title="Groß")
    VacancyFactory(quarter=quarter, area_m2=Decimal("30"), title="Klein")
    VacancyFactory(quarter=other_quarter, area_m2=Decimal("99"), title="Anderswo")
    data = client.get(
        "/api/v1/community/vacancies/?quarter=schinkel&min_area=60"
    ).json()
    assert [i["title"] for i in data["items"]] == ["Groß"]
    geo = client.get("/api/v1/community/vacancies.geojson?min_area=60").json()
    assert {f["properties"]["title"] for f in geo["features"]} == {"Groß", "Anderswo"}
    assert "contact_email" not in geo["features"][0]["properties"]


@pytest.mark.django_db
def test_help_and_opportunities_without_private_data(client, quarter, resident):
    HelpPostFactory(quarter=quarter, author=resident)
    OpportunityFactory(organisation=OrganisationFactory(quarters=[quarter]))
    help_response = client.get("/api/v1/community/help/")
    assert help_response.json()["count"] == 1
    assert resident.email not in help_response.text
    assert client.get("/api/v1/community/opportunities/").json()["count"] == 1


@pytest.mark.django_db
def test_openapi_lists_community_endpoints(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/community/actors/" in schema["paths"]
    assert "/api/v1/community/vacancies.geojson" in schema["paths"]
