import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from quartier.events.models import BERLIN, Category, Event

from .factories import EventFactory, VenueFactory, local

pytestmark = pytest.mark.django_db

# A Wednesday; the weekend is 3–4 October.
NOW = dt.datetime(2026, 9, 30, 9, tzinfo=BERLIN)
URL = reverse("events:list")


def _titles(response) -> list[str]:
    return [occ.event.title for occ in response.context["occurrences"]]


@time_machine.travel(NOW)
def test_default_list_shows_upcoming_public_dates_only(client, quarter):
    EventFactory(quarters=[quarter], title="Kommt noch")
    EventFactory(
        quarters=[quarter],
        title="Vorbei",
        starts_at=local(dt.date(2026, 9, 1), 10),
        ends_at=local(dt.date(2026, 9, 1), 12),
    )
    EventFactory(quarters=[quarter], title="Entwurf", status=Event.Status.DRAFT)
    response = client.get(URL)
    assert response.status_code == 200
    assert _titles(response) == ["Kommt noch"]
    archive = client.get(URL, {"wann": "archiv"})
    assert _titles(archive) == ["Vorbei"]


@time_machine.travel(NOW)
def test_this_week_in_quarter_for_families_free(client, quarter, other_quarter):
    """The "done when" search: this week in one quarter, for families, free."""
    friday = dt.date(2026, 10, 2)
    wanted = EventFactory(
        quarters=[quarter],
        title="Familiencafé",
        target_groups=",families,",
        starts_at=local(friday, 15),
        ends_at=local(friday, 17),
    )
    EventFactory(  # for everyone: fits families too
        quarters=[quarter],
        title="Für alle",
        starts_at=local(friday, 10),
        ends_at=local(friday, 11),
    )
    EventFactory(
        quarters=[quarter],
        title="Kostet",
        target_groups=",families,",
        cost_eur=5,
        starts_at=local(friday, 9),
        ends_at=local(friday, 10),
    )
    EventFactory(
        quarters=[quarter],
        title="Senioren",
        target_groups=",seniors,",
        starts_at=local(friday, 9),
        ends_at=local(friday, 10),
    )
    EventFactory(
        quarters=[other_quarter],
        title="Anderswo",
        target_groups=",families,",
        starts_at=local(friday, 9),
        ends_at=local(friday, 10),
    )
    next_week = dt.date(2026, 10, 6)
    EventFactory(
        quarters=[quarter],
        title="Nächste Woche",
        target_groups=",families,",
        starts_at=local(next_week, 9),
        ends_at=local(next_week, 10),
    )
    response = client.get(
        URL,
        {
            "quartier": quarter.slug,
            "wann": "woche",
            "fuer": "families",
            "kostenlos": "on",
        },
    )
    assert _titles(response) == ["Für alle", wanted.title]


@time_machine.travel(NOW)
def test_filters_category_language_accessible_weekend_custom(client, quarter):
    saturday = dt.date(2026, 10, 3)
    stairs = VenueFactory(step_free=False)
    EventFactory(
        quarters=[quarter],
        title="Sport am Samstag",
        category=Category.SPORT,
        languages=",de,tr,",
        starts_at=local(saturday, 10),
        ends_at=local(saturday, 12),
    )
    EventFactory(
        quarters=[quarter],
        title="Treppe",
        venue=stairs,
        starts_at=local(saturday, 14),
        ends_at=local(saturday, 15),
    )
    assert _titles(client.get(URL, {"kategorie": "sport"})) == ["Sport am Samstag"]
    assert _titles(client.get(URL, {"sprache": "tr"})) == ["Sport am Samstag"]
    assert _titles(client.get(URL, {"barrierefrei": "on", "wann": "wochenende"})) == [
        "Sport am Samstag"
    ]
    custom = client.get(
        URL, {"wann": "zeitraum", "von": "2026-10-03", "bis": "2026-10-03"}
    )
    assert len(_titles(custom)) == 2
    assert _titles(client.get(URL, {"wann": "heute"})) == []


def test_invalid_filter_shows_errors_and_default_list(client, event):
    response = client.get(URL, {"von": "2026-10-05", "bis": "2026-10-01"})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert "aria-invalid" in response.content.decode()


def test_htmx_gets_only_the_results(client, event):
    response = client.get(URL, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert 'id="event-results"' in body
    assert "<html" not in body
    assert event.title in body


def test_pagination_keeps_filters(client, quarter):
    for _ in range(21):
        EventFactory(quarters=[quarter])
    body = client.get(URL, {"kategorie": "meeting"}).content.decode()
    assert "kategorie=meeting&amp;seite=2" in body


@pytest.mark.parametrize("rows", [2, 20])
def test_list_query_count_is_constant(client, quarter, rows, django_assert_num_queries):
    for _ in range(rows):
        EventFactory(quarters=[quarter])
    # session-free: quarters for the form, feeds list, count, page, prefetch, nav pages
    with django_assert_num_queries(7):
        response = client.get(URL)
    assert len(response.context["occurrences"]) == rows
