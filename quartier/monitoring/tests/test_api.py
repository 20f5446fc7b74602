"""Open data: the API and the CSV give the same values, with licence and source."""

import csv
import datetime as dt
import io
import json
from decimal import Decimal

import pytest
from django.urls import reverse

from quartier.monitoring.models import Suppression, Value

from .factories import ValueFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def values(districts, sgb2):
    ValueFactory(
        area=districts[0],
        indicator=sgb2,
        date=dt.date(2022, 12, 31),
        value=Decimal("12.5"),
    )
    ValueFactory(
        area=districts[0],
        indicator=sgb2,
        date=dt.date(2023, 12, 31),
        value=Decimal("13.25"),
        status=Value.Status.PROVISIONAL,
    )
    ValueFactory(
        area=districts[1],
        indicator=sgb2,
        date=dt.date(2023, 12, 31),
        value=None,
        suppressed=Suppression.SECRET,
    )


def test_values_filter_by_area_indicator_and_period(client, values):
    url = reverse("api:monitoring_values")
    body = client.get(
        url, {"area": "stadtteil-1", "indicator": "sgb2", "date_from": "2023-01-01"}
    ).json()
    assert body["license"]["id"] == "dl-de/by-2-0"
    assert body["count"] == 1
    item = body["items"][0]
    assert (item["date"], item["value"], item["status"]) == (
        "2023-12-31",
        13.25,
        "provisional",
    )
    assert item["source"] == "Testamt für Statistik"
    secret = client.get(url, {"area": "stadtteil-2"}).json()["items"][0]
    assert secret["value"] is None and secret["suppressed"] == "secret"


def test_values_limit_is_checked(client, values):
    assert client.get(reverse("api:monitoring_values"), {"limit": 0}).status_code == 422


def test_api_and_csv_agree(client, values):
    api = client.get(reverse("api:monitoring_values"), {"indicator": "sgb2"}).json()[
        "items"
    ]
    machine = client.get(reverse("monitoring:indicator_csv_machine", args=["sgb2"]))
    rows = list(csv.DictReader(io.StringIO(machine.content.decode())))
    assert [(r["area"], r["date"], r["value"]) for r in rows] == [
        (i["area"], i["date"], "." if i["suppressed"] else str(i["value"])) for i in api
    ]
    german = client.get(reverse("monitoring:indicator_csv", args=["sgb2"]))
    text = german.content.decode("utf-8")
    assert text.startswith("\ufeffgebiet;")
    assert ";12,5;" in text and ";13,25;" in text
    assert "geheim gehalten" in text


def test_geojson_carries_latest_values_and_licence(client, values, districts):
    response = client.get(reverse("api:monitoring_areas_geojson"))
    assert response["Content-Type"] == "application/geo+json"
    body = json.loads(response.content)
    assert (
        body["type"] == "FeatureCollection" and body["license"]["id"] == "dl-de/by-2-0"
    )
    feature = next(f for f in body["features"] if f["id"] == "stadtteil-1")
    assert feature["properties"]["values"]["sgb2"]["date"] == "2023-12-31"
    assert feature["properties"]["values"]["sgb2"]["value"] == 13.25
    assert body["sources"]["sgb2"] == "Testamt für Statistik"


def test_areas_and_indicators(client, values):
    areas = client.get("/api/v1/monitoring/areas/", {"level": "district"}).json()
    assert [a["code"] for a in areas["items"]] == [
        "stadtteil-1",
        "stadtteil-2",
        "stadtteil-3",
    ]
    indicators = client.get("/api/v1/monitoring/indicators/").json()
    assert indicators["items"][0]["direction"] == "lower"
