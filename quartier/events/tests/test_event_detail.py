import json
import re

import pytest
from django.urls import reverse

from quartier.events.models import Event

from .factories import EventFactory

pytestmark = pytest.mark.django_db


def _json_ld(body: str):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)
    return json.loads(match.group(1))


def test_detail_has_schema_org_event(client, event):
    body = client.get(event.get_absolute_url()).content.decode()
    data = _json_ld(body)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == event.title
    assert data["startDate"].endswith(("+01:00", "+02:00"))
    assert data["location"]["address"]["postalCode"] == "49074"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["isAccessibleForFree"] is True
    assert reverse("events:ics", kwargs={"pk": event.pk}) in body
    assert body.count("<h1") == 1


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
def test_unpublished_event_access(client, login_as, quarter, role, status):
    event = EventFactory(quarters=[quarter], status=Event.Status.SUBMITTED)
    login_as(role)
    assert client.get(event.get_absolute_url()).status_code == status


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
def test_published_event_is_public(client, login_as, event, role):
    login_as(role)
    assert client.get(event.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("rows", [2, 20])
def test_detail_query_count_is_constant(
    client, quarter, rows, django_assert_num_queries
):
    event = EventFactory(
        quarters=[quarter],
        rrule=f"FREQ=DAILY;COUNT={rows}",
        registration_enabled=True,
        capacity=5,
    )
    with django_assert_num_queries(5):
        response = client.get(event.get_absolute_url())
    assert len(response.context["occurrences"]) == rows


def test_json_ld_cannot_close_its_script_element(client, quarter):
    title = 'Abend </script><script>alert("x")</script> & <!-- mehr'
    event = EventFactory(quarters=[quarter], title=title)
    body = client.get(event.get_absolute_url()).content.decode()
    block = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', body, re.S
    ).group(1)
    assert "<" not in block and ">" not in block and "&" not in block
    assert "\\u003c/script\\u003e" in block
    assert json.loads(block)["name"] == title


def test_script_json_escapes_markup_characters():
    from quartier.events.jsonld import script_json

    assert script_json({"a": "<b>&</b>"}) == (
        '{"a": "\\u003cb\\u003e\\u0026\\u003c/b\\u003e"}'
    )
