"""One naming, one error shape, one kind of URL across every operation of the API."""

import pytest
from django.urls import reverse

from quartier.participation.models import Idea
from quartier.participation.tests.factories import IdeaFactory
from quartier.quarters.tests.factories import QuarterFactory


@pytest.fixture
def schema(client, db):
    return client.get("/api/v1/openapi.json").json()


def _idea(quarter, **kwargs):
    point = quarter.shape.representative_point()
    return IdeaFactory(quarter=quarter, longitude=point.x, latitude=point.y, **kwargs)


def _operations(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            yield path, method, operation


def test_every_operation_documents_404_414_and_422(schema):
    missing = [
        (path, code)
        for path, _method, operation in _operations(schema)
        for code in ("404", "414", "422")
        if code not in operation["responses"]
    ]
    assert missing == []
    error = schema["components"]["schemas"]["ValidationErrors"]
    assert error["properties"]["detail"]["type"] == "array"


def test_geojson_operations_describe_their_body(schema):
    geojson = {
        path: operation["responses"]["200"]["content"]
        for path, _method, operation in _operations(schema)
        if path.endswith(".geojson")
    }
    assert (
        len(geojson) == 8
    )  # quarters 1, community 3, participation 1, measures 1, events 1, monitoring 1
    for path, content in geojson.items():
        assert list(content) == ["application/geo+json"], path
        ref = content["application/geo+json"]["schema"]["$ref"]
        body = schema["components"]["schemas"][ref.rsplit("/", 1)[1]]
        assert body["properties"]["type"]["const"] == "FeatureCollection", path
        assert "features" in body["properties"], path


def test_ideas_take_quarter_and_status_like_every_other_list(schema, client, db):
    names = {
        path: {p["name"] for p in operation.get("parameters", [])}
        for path, _method, operation in _operations(schema)
    }
    assert {"quarter", "status"} <= names["/api/v1/participation/ideas/"]
    assert {"quarter", "status"} <= names["/api/v1/participation/ideas.geojson"]
    for path, params in names.items():
        assert not params & {"quartier", "stand"}, path
    # The status enum of ideas lists the ideas' values, not those of measures.
    (status,) = [
        p
        for p in schema["paths"]["/api/v1/participation/ideas/"]["get"]["parameters"]
        if p["name"] == "status"
    ]
    ref = status["schema"].get("$ref") or status["schema"]["anyOf"][0]["$ref"]
    enum = schema["components"]["schemas"][ref.rsplit("/", 1)[1]]["enum"]
    assert enum == list(Idea.Status.values)


def test_each_status_enum_has_its_own_component(schema):
    """Models all call their choices `Status`: in the schema each needs its own name."""
    from quartier.events.models import Event
    from quartier.measures.models import Measure
    from quartier.quarters.models import Quarter

    components = schema["components"]["schemas"]
    assert "Status" not in components
    for name, choices in [
        ("IdeaStatus", Idea.Status),
        ("MeasureStatus", Measure.Status),
        ("EventStatus", Event.Status),
        ("QuarterStatus", Quarter.Status),
    ]:
        assert components[name]["enum"] == list(choices.values), name


@pytest.mark.parametrize("value", ["0", "1700000000", "2026-1-1", "0400-09-19"])
def test_dates_are_iso_and_within_the_documented_years(client, db, value):
    response = client.get("/api/v1/events/", {"date_to": value})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "date_to"]


def test_filters_work_with_the_shared_names(client, db):
    schinkel = QuarterFactory(slug="schinkel")
    dodesheide = QuarterFactory(slug="dodesheide")
    _idea(schinkel, status=Idea.Status.NEW)
    _idea(dodesheide, status=Idea.Status.NEW)
    listed = client.get("/api/v1/participation/ideas/", {"quarter": "dodesheide"})
    assert [i["quarter"] for i in listed.json()["items"]] == ["dodesheide"]
    status = Idea.Status.values[-1]
    assert (
        client.get("/api/v1/participation/ideas/", {"status": status}).json()["count"]
        == 0
    )
    geo = client.get(reverse("api:idea_geojson"), {"quarter": "dodesheide"}).json()
    assert {f["properties"]["quarter"] for f in geo["features"]} == {"dodesheide"}


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/participation/ideas.geojson?quartier=dodesheide",
        "/api/v1/participation/ideas/?stand=new",
        "/api/v1/events/?quarter=schinkel&datum=2026-01-01",
        "/api/v1/quarters/?limit=1",
        "/api/v1/funds/?x=1",
    ],
)
def test_an_unknown_parameter_is_a_422_that_names_it(client, db, url):
    response = client.get(url)
    assert response.status_code == 422
    unknown = url.rsplit("&", 1)[-1].rsplit("?", 1)[-1].split("=")[0]
    assert response.json()["detail"][0]["loc"] == ["query", unknown]


def test_url_fields_are_absolute(client, db):
    quarter = QuarterFactory(slug="schinkel")
    idea = _idea(quarter)
    item = client.get(f"/api/v1/participation/ideas/{idea.pk}/").json()
    assert item["url"] == "http://testserver" + idea.get_absolute_url()
    features = client.get(reverse("api:idea_geojson")).json()["features"]
    assert features[0]["properties"]["url"] == item["url"]
    quarters = client.get("/api/v1/quarters/").json()["items"]
    assert quarters[0]["url"].startswith("http://testserver/")
