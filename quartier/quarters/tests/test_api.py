import pytest
from shapely.geometry import shape


@pytest.mark.django_db
def test_quarter_list_carries_licence_and_facts(client, quarter, other_quarter):
    data = client.get("/api/v1/quarters/").json()
    assert data["license"]["id"] == "dl-de/by-2-0"
    assert data["dataset"].endswith("/api/v1/quarters/")
    assert data["count"] == 2
    assert {item["slug"] for item in data["items"]} == {"schinkel", "dodesheide"}
    assert data["items"][0]["url"].startswith("http://testserver/quartier/")


@pytest.mark.django_db
def test_planned_quarters_stay_private(client, quarter):
    quarter.status = quarter.Status.PLANNED
    quarter.save()
    assert client.get("/api/v1/quarters/").json()["count"] == 0
    assert client.get("/api/v1/quarters/schinkel/").status_code == 404


@pytest.mark.django_db
def test_quarter_detail_has_boundary(client, quarter):
    data = client.get("/api/v1/quarters/schinkel/").json()
    assert data["name"] == "Sanierungsgebiet Schinkel"
    assert shape(data["boundary"]).is_valid
    assert client.get("/api/v1/quarters/nowhere/").status_code == 404


@pytest.mark.django_db
def test_boundaries_are_rfc7946_geojson(client, demo):
    response = client.get("/api/v1/quarters/boundaries.geojson")
    assert response["Content-Type"] == "application/geo+json"
    data = response.json()
    assert data["type"] == "FeatureCollection"
    assert data["license"]["id"] == "dl-de/by-2-0"
    assert len(data["features"]) == 4
    for feature in data["features"]:
        geometry = shape(feature["geometry"])
        assert geometry.is_valid and geometry.exterior.is_ccw
        lon, lat = geometry.centroid.coords[0]
        assert 7.9 < lon < 8.2 and 52.2 < lat < 52.4  # longitude first, in Osnabrück
        assert feature["properties"]["schematic"] is True


@pytest.mark.django_db
def test_openapi_schema_lists_the_endpoints(client):
    schema = client.get("/api/v1/openapi.json").json()
    paths = set(schema["paths"])
    assert {
        "/api/v1/quarters/",
        "/api/v1/quarters/{slug}/",
        "/api/v1/quarters/boundaries.geojson",
    } <= paths


@pytest.mark.django_db
def test_api_docs_load_nothing_from_other_hosts(client):
    html = client.get("/api/v1/docs/", follow=True).content.decode()
    assert "/api/v1/openapi.json" in html
    assert "cdn." not in html and "//unpkg" not in html and "https://" not in html


@pytest.mark.django_db
def test_permalink_redirects_to_the_quarter_page_in_the_active_language(client, demo):
    assert client.get("/quartier/schinkel/").url == "/quartiere/schinkel/"
    assert client.get("/en/quartier/schinkel/").url == "/en/quartiere/schinkel/"
    assert client.get("/quartier/nowhere/").status_code == 404
