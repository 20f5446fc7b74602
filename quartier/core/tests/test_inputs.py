"""The malformed requests of issue 11 (item 12): each one a clear 4xx or a shown error.

The general guard over every URL pattern is tests/test_malformed_input.py.
"""

import datetime as dt

import pytest
from django.core.exceptions import BadRequest
from django.utils import timezone

from quartier.core.inputs import (
    DATE_MAX,
    DATE_MIN,
    BoundedDateField,
    parse_id,
    parse_month,
    require_id,
)
from quartier.participation.tests.factories import IdeaFactory

HUGE = "9223372036854775808"  # 2**63: one more than a 64-bit column holds


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("12", 12),
        (" 7 ", 7),
        ("0", None),
        ("-3", None),
        ("abc", None),
        ("", None),
        (None, None),
        ("١٢", None),  # Arabic-Indic digits pass str.isdigit but are no id
        (HUGE, None),
        ("9" * 18, 10**18 - 1),
    ],
)
def test_parse_id(value, expected):
    assert parse_id(value) == expected


def test_require_id_refuses_what_is_there_but_no_id():
    assert require_id("") is None and require_id("5") == 5
    with pytest.raises(BadRequest):
        require_id("abc")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-11", dt.date(2026, 11, 1)),
        ("2026-1", dt.date(2026, 1, 1)),
        ("9999-12", None),
        ("1-1", None),
        ("0001-01", None),
        ("2026-13", None),
        ("2026", None),
        ("abc-de", None),
        ("2026-11-01", None),
    ],
)
def test_parse_month(value, expected):
    assert parse_month(value) == expected


@pytest.mark.parametrize(
    ("value", "valid"),
    [("2026-11-12", True), ("0001-01-01", False), ("9999-12-31", False)],
)
def test_bounded_date_field(value, valid):
    field = BoundedDateField(required=False)
    if valid:
        assert field.clean(value) == dt.date.fromisoformat(value)
    else:
        with pytest.raises(Exception, match=str(DATE_MIN.year)) as error:
            field.clean(value)
        assert str(DATE_MAX.year) in str(error.value)


@pytest.mark.django_db
@pytest.mark.parametrize("monat", ["9999-12", "1-1", "0-0", "2026-00"])
def test_calendar_with_an_unknown_month_shows_this_month_and_says_so(client, monat):
    response = client.get("/veranstaltungen/kalender/", {"monat": monat})
    assert response.status_code == 200
    assert "Diesen Monat kennt der Kalender nicht" in response.content.decode()
    assert response.context["month"] == timezone.localdate().replace(day=1)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        {"wann": "zeitraum", "bis": "9999-12-31"},
        {"wann": "zeitraum", "von": "0001-01-01"},
        {"wann": "archiv", "von": "0001-01-01"},
        {"wann": "archiv", "bis": "9999-12-31"},
    ],
)
def test_event_list_with_extreme_dates_shows_the_error(client, query):
    response = client.get("/veranstaltungen/", query)
    assert response.status_code == 200
    assert "Bitte ein Datum zwischen" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/events/?date_to=9999-12-31",
        "/api/v1/events/?date_from=0001-01-01",
        "/api/v1/events/occurrences/?date_to=9999-12-31",
        "/api/v1/events/occurrences/?date_from=0001-01-01",
        f"/api/v1/participation/ideas/?offset={HUGE}",
        f"/api/v1/measures/?field={HUGE}",
        f"/api/v1/measures/locations.geojson?field={HUGE}",
        f"/api/v1/events/{HUGE}/",
        "/api/v1/events/?quarter=%00",
        "/api/v1/participation/ideas/?quarter=%00",
        "/api/v1/measures/?quarter=a%00b",
        "/api/v1/quarters/%00/",
    ],
)
def test_api_answers_422_naming_the_field(client, url):
    response = client.get(url)
    assert response.status_code == 422
    (error,) = response.json()["detail"]
    name = url.split("?")[1].split("=")[0] if "?" in url else None
    assert error["loc"][-1] == name if name else error["loc"][0] == "path"


@pytest.mark.django_db
def test_comment_with_a_parent_that_is_no_id_is_a_400(client, resident, quarter):
    idea = IdeaFactory(quarter=quarter)
    client.force_login(resident)
    response = client.post(
        f"/mitmachen/ideen/{idea.pk}/kommentieren/", {"body": "Ja", "parent": "abc"}
    )
    assert response.status_code == 400


@pytest.mark.django_db
def test_feedback_to_a_page_id_beyond_64_bits_is_a_404(client):
    assert client.post("/rueckmeldung/9999999999999999999999999/").status_code == 404
    assert client.get(f"/veranstaltungen/{HUGE}/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/veranstaltungen/kalender/?quartier=%00",
        "/veranstaltungen/karte/?quartier=%00",
        "/mitmachen/ideen/?quartier=%00",
        "/veranstaltungen/?quartier=x%00",
        "/veranstaltungen/anmeldung/%00/bestaetigen/",
    ],
)
def test_nul_bytes_in_pages_are_a_400(client, url):
    assert client.get(url).status_code == 400


@pytest.mark.django_db
def test_nul_bytes_in_a_form_post_are_a_400(client, resident, quarter):
    idea = IdeaFactory(quarter=quarter)
    client.force_login(resident)
    response = client.post(
        f"/mitmachen/ideen/{idea.pk}/kommentieren/", {"body": "Ja\x00"}
    )
    assert response.status_code == 400
