import datetime as dt

import pytest
from django.utils import timezone

from quartier.events.models import Event

from .factories import EventFactory

pytestmark = pytest.mark.django_db


def test_events_and_occurrences_with_filters(client, quarter, other_quarter):
    series = EventFactory(
        quarters=[quarter], rrule="FREQ=WEEKLY;COUNT=3", category="sport"
    )
    other = EventFactory(quarters=[other_quarter], category="culture")
    EventFactory(quarters=[quarter], status=Event.Status.SUBMITTED)
    data = client.get("/api/v1/events/").json()
    assert data["license"]["id"] == "dl-de/by-2-0"
    assert {e["id"] for e in data["items"]} == {series.pk, other.pk}
    by_quarter = client.get("/api/v1/events/", {"quarter": quarter.slug}).json()
    assert [e["id"] for e in by_quarter["items"]] == [series.pk]
    occurrences = client.get(
        "/api/v1/events/occurrences/", {"category": "sport"}
    ).json()
    assert occurrences["count"] == 3
    day = timezone.localdate() + dt.timedelta(days=3)
    window = client.get(
        "/api/v1/events/occurrences/",
        {"date_from": day.isoformat(), "date_to": day.isoformat()},
    ).json()
    assert {o["event_id"] for o in window["items"]} == {series.pk, other.pk}
    assert client.get(f"/api/v1/events/{series.pk}/").json()["rrule"]


def test_unpublished_event_is_404(client, quarter):
    draft = EventFactory(quarters=[quarter], status=Event.Status.DRAFT)
    assert client.get(f"/api/v1/events/{draft.pk}/").status_code == 404


def test_venues_geojson_and_feeds(client, event):
    response = client.get("/api/v1/events/venues.geojson")
    assert response["Content-Type"] == "application/geo+json"
    feature = response.json()["features"][0]
    assert feature["geometry"]["type"] == "Point"
    assert feature["properties"]["step_free"] is True
    feeds = client.get("/api/v1/events/feeds/").json()
    assert feeds["all"] == "http://testserver/veranstaltungen/feed.ics"


def test_openapi_lists_event_endpoints(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in [
        "/api/v1/events/",
        "/api/v1/events/occurrences/",
        "/api/v1/events/venues.geojson",
        "/api/v1/events/feeds/",
        "/api/v1/events/{event_id}/",
    ]:
        assert path in paths


def test_bad_date_is_a_422(client, db):
    assert client.get("/api/v1/events/", {"date_from": "gestern"}).status_code == 422
