import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from quartier.events.models import BERLIN

from .factories import EventFactory, local

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 10, 1, 9, tzinfo=BERLIN)


@time_machine.travel(NOW)
def test_month_grid_puts_dates_on_their_day(client, quarter):
    EventFactory(
        quarters=[quarter],
        title="Oktoberfest im Hof",
        starts_at=local(dt.date(2026, 10, 17), 14),
        ends_at=local(dt.date(2026, 10, 17), 18),
    )
    response = client.get(reverse("events:calendar"), {"monat": "2026-10"})
    assert response.status_code == 200
    weeks = response.context["weeks"]
    cells = {c["date"]: c["items"] for week in weeks for c in week}
    assert [o.event.title for o in cells[dt.date(2026, 10, 17)]] == [
        "Oktoberfest im Hof"
    ]
    assert weeks[0][0]["date"] == dt.date(2026, 9, 28)  # weeks start on Monday
    body = response.content.decode()
    assert "monat=2026-09" in body and "monat=2026-11" in body


@time_machine.travel(NOW)
@pytest.mark.parametrize("rows", [2, 20])
def test_calendar_query_count_is_constant(
    client, quarter, rows, django_assert_num_queries
):
    for day in range(rows):
        EventFactory(
            quarters=[quarter],
            starts_at=local(dt.date(2026, 10, 1 + day), 10),
            ends_at=local(dt.date(2026, 10, 1 + day), 11),
        )
    with django_assert_num_queries(5):
        client.get(reverse("events:calendar"), {"monat": "2026-10"})


def test_bad_month_falls_back_to_this_month(client, db):
    response = client.get(reverse("events:calendar"), {"monat": "kaputt"})
    assert response.status_code == 200


def test_map_shows_numbered_venues(client, quarter, event):
    response = client.get(reverse("events:map"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "<svg" in body
    assert event.venue.name in body
    assert response.context["map"]["points"][0]["number"] == 1
    point = response.context["map"]["points"][0]
    assert f'cx="{point["x"]}"' in body  # a decimal point, not a German comma


def test_quarter_page_lists_next_events(client, site_tree, db):
    from quartier.cms.models import QuarterPage
    from quartier.quarters.services import quarter_create
    from quartier.quarters.tests.factories import QuarterFactory

    quarter = quarter_create(
        quarter=QuarterFactory.build(
            slug="hasepark", name="Hasepark", short_name="Hasepark", team=None
        )
    )
    EventFactory(quarters=[quarter], title="Hoffest am Hasepark")
    page = QuarterPage.objects.get(quarter=quarter)
    body = client.get(page.url).content.decode()
    assert "Hoffest am Hasepark" in body
    assert "Nächste Termine" in body


@time_machine.travel(NOW)
def test_full_day_links_to_the_list(client, quarter):
    day = dt.date(2026, 10, 20)
    for hour in range(8, 14):
        EventFactory(
            quarters=[quarter], starts_at=local(day, hour), ends_at=local(day, hour, 30)
        )
    response = client.get(reverse("events:calendar"), {"monat": "2026-10"})
    cell = next(c for w in response.context["weeks"] for c in w if c["date"] == day)
    assert len(cell["items"]) == 4
    assert cell["more"] == 2
    assert "von=2026-10-20&amp;bis=2026-10-20" in response.content.decode()
