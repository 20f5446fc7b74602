"""Public pages: content, suppressed values, and query counts pinned at 2 and 20 rows."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from quartier.monitoring.models import (
    AreaIndex,
    IndexComponent,
    IndexScheme,
    Level,
    Suppression,
    Value,
)
from quartier.monitoring.services import index_recompute
from quartier.quarters.tests.factories import square

from .factories import AreaFactory, IndicatorFactory

pytestmark = pytest.mark.django_db
YEARS = (2021, 2022, 2023)


def _world(rows: int):
    """`rows` districts and `rows` indicators, three years each, plus the city."""
    city = AreaFactory(code="stadt", name="Teststadt", level=Level.CITY)
    areas = [AreaFactory(code=f"st-{n}", name=f"Stadtteil {n}") for n in range(rows)]
    indicators = [IndicatorFactory(slug=f"ind-{n}", is_key=n < 3) for n in range(rows)]
    Value.objects.bulk_create(
        Value(
            area=area,
            indicator=indicator,
            date=dt.date(year, 12, 31),
            value=Decimal(5 + (i + j + year) % 17),
        )
        for i, area in enumerate([city, *areas])
        for j, indicator in enumerate(indicators)
        for year in YEARS
    )
    scheme = IndexScheme.objects.create(
        name="Berlin",
        slug="b",
        levels=[Level.DISTRICT],
        method="Methode",
        status_thresholds=[-1, 1, 1.5],
        dynamics_thresholds=[-1, 1],
        is_default=True,
        period_years=2,
    )
    IndexComponent.objects.create(scheme=scheme, indicator=indicators[0])
    index_recompute()
    return city, areas, indicators


@pytest.mark.parametrize("rows", [2, 20])
def test_area_page_queries_pinned(client, django_assert_num_queries, rows):
    _city, areas, _indicators = _world(rows)
    with django_assert_num_queries(8):
        response = client.get(areas[0].get_absolute_url())
    assert response.status_code == 200
    assert response.content.count(b'<th scope="row">') == rows


@pytest.mark.parametrize("rows", [2, 20])
def test_indicator_page_queries_pinned(client, django_assert_num_queries, rows):
    _city, _areas, indicators = _world(rows)
    with django_assert_num_queries(5):
        response = client.get(indicators[0].get_absolute_url())
    assert response.status_code == 200
    assert response.content.count(b'<th scope="row">') == rows + 1


@pytest.mark.parametrize("rows", [2, 20])
def test_map_queries_pinned(client, django_assert_num_queries, rows):
    _world(rows)
    with django_assert_num_queries(9):
        response = client.get(reverse("monitoring:map"))
    assert response.status_code == 200
    assert response.content.count(b'class="choropleth__area ') == rows


def _map_world(rows: int, level: str):
    """The city, `rows` areas of `level` and, below other levels, two quarters drawn
    as outlines; one value each."""
    city = AreaFactory(code="stadt", name="Teststadt", level=Level.CITY)
    quarters = [
        AreaFactory(code=f"q-{n}", name=f"Quartier {n}", level=Level.QUARTER)
        for n in range(rows if level == Level.QUARTER else 2)
    ]
    areas = (
        quarters
        if level == Level.QUARTER
        else [
            AreaFactory(code=f"g-{n}", name=f"Gebiet {n}", level=level)
            for n in range(rows)
        ]
    )
    indicator = IndicatorFactory(slug="sgb2")
    Value.objects.bulk_create(
        Value(
            area=area,
            indicator=indicator,
            date=dt.date(2023, 12, 31),
            value=Decimal(3 + n % 7),
        )
        for n, area in enumerate(dict.fromkeys([city, *quarters, *areas]))
    )
    return city, areas


MAP_LEVELS = [Level.DISTRICT, Level.QUARTER, Level.PLANNING_AREA]


@pytest.mark.parametrize("level", MAP_LEVELS)
@pytest.mark.parametrize("method", ["quantile", "natuerlich"])
@pytest.mark.parametrize("rows", [2, 20])
def test_map_queries_pinned_at_each_level(
    client, django_assert_num_queries, rows, level, method
):
    _city, _areas = _map_world(rows, level)
    url = reverse("monitoring:map") + f"?indikator=sgb2&ebene={level}&klassen={method}"
    # Cold: the boundaries are read once more, projected and cached.
    with django_assert_num_queries(9):
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.count(b'class="choropleth__area ') == rows
    outlines = 0 if level == Level.QUARTER else 2
    assert response.content.count(b'class="choropleth__quarter"') == outlines
    # Warm: the projected paths come from the cache, the boundaries stay unread.
    with django_assert_num_queries(8):
        assert client.get(url).content == response.content


def test_map_marks_missing_and_suppressed_areas(client):
    _city, areas = _map_world(3, Level.PLANNING_AREA)
    Value.objects.filter(area=areas[0]).update(
        value=None, suppressed=Suppression.SECRET
    )
    Value.objects.filter(area=areas[1]).delete()
    html = client.get(
        reverse("monitoring:map") + "?indikator=sgb2&ebene=planning_area"
    ).content.decode()
    paths = re.findall(
        r'<path class="choropleth__area ([^"]+)" d="[^"]+">'
        r"<title>([^<]+)</title>",
        html,
    )
    assert paths == [
        ("choropleth__area--missing", "Gebiet 0"),
        ("choropleth__area--missing", "Gebiet 1"),
        ("choropleth--p2", "Gebiet 2"),
    ]
    rows = re.findall(
        r'<tr><th scope="row"><a href="([^"]+)">([^<]+)</a></th>'
        r"<td>(.*?)</td><td>([^<]+)</td></tr>",
        html,
    )
    assert [(href, name, klass) for href, name, _value, klass in rows] == [
        ("/sozialmonitoring/gebiete/g-0/", "Gebiet 0", "–"),
        ("/sozialmonitoring/gebiete/g-1/", "Gebiet 1", "–"),
        ("/sozialmonitoring/gebiete/g-2/", "Gebiet 2", "1"),
    ]
    assert 'class="figure-suppressed"' in rows[0][2]
    assert "keine Angabe" in rows[1][2]
    assert rows[2][2] == "8,0 %"


def test_map_draws_an_edited_boundary_anew(client):
    _city, areas = _map_world(2, Level.PLANNING_AREA)
    url = reverse("monitoring:map") + "?indikator=sgb2&ebene=planning_area"

    def paths():
        return {
            s["area"].code: s["d"] for s in client.get(url).context["map"]["shapes"]
        }

    before = paths()
    areas[0].boundary = square(8.05, 52.3)
    areas[0].save()
    edited = paths()
    assert edited["g-0"] != before["g-0"]
    assert edited["g-1"] == before["g-1"]
    AreaFactory(code="neu", name="Neu", level=Level.PLANNING_AREA)
    assert paths()["neu"]
    areas[1].delete()
    assert list(paths()) == ["g-0", "neu"]


def test_map_frame_follows_a_new_city_outline(client):
    city, _areas = _map_world(2, Level.DISTRICT)
    url = reverse("monitoring:map")
    before = client.get(url).context["map"]
    city.boundary = square(7.9, 52.2, size=0.5)
    city.save()
    after = client.get(url).context["map"]
    assert after["frame"] != before["frame"]
    assert after["shapes"][0]["d"] != before["shapes"][0]["d"]


@pytest.mark.parametrize("rows", [2, 20])
def test_overview_queries_pinned(client, django_assert_num_queries, rows):
    _world(rows)
    with django_assert_num_queries(9):
        assert client.get(reverse("monitoring:overview")).status_code == 200


@pytest.mark.parametrize("rows", [2, 20])
def test_catalogue_queries_pinned(client, django_assert_num_queries, rows):
    _world(rows)
    with django_assert_num_queries(3):
        assert client.get(reverse("monitoring:indicators")).status_code == 200


def test_area_page_table_first_with_change_and_city(client):
    _city, areas, indicators = _world(2)
    response = client.get(areas[0].get_absolute_url())
    html = response.content.decode()
    assert html.index('<table class="numbers"') < html.index('<figure class="chart"')
    figure = next(
        f for f in response.context["figures"] if f.indicator == indicators[0]
    )
    assert figure.latest.date == dt.date(2023, 12, 31)
    assert figure.previous.date == dt.date(2022, 12, 31)
    assert figure.change == figure.latest.value - figure.previous.value
    assert figure.against_city == figure.latest.value - figure.city.value


def test_suppressed_value_shows_reason_never_zero(client):
    _city, areas, indicators = _world(2)
    Value.objects.filter(
        area=areas[0], indicator=indicators[0], date__year=2023
    ).update(value=None, suppressed=Suppression.SECRET)
    html = client.get(areas[0].get_absolute_url()).content.decode()
    start = html.index(f">{indicators[0].name}</a>")
    row = html[start : html.index("</tr>", start)]
    assert "geheim gehalten (kleine Fallzahl)" in row
    assert 'class="figure-suppressed"' in row
    # No number in the value cell, so no change either: a dash, never "0".
    assert "Punkte" not in row


def test_svg_numbers_are_not_localized(client):
    _city, _areas, indicators = _world(2)
    html = client.get(indicators[0].get_absolute_url()).content.decode()
    chart = html[html.index('<figure class="chart"') :]
    svg = chart[: chart.index("</svg>")]
    for number in re.findall(r' (?:cx|cy|x|y|x1|x2|y1|y2|width|height)="([^"]+)"', svg):
        float(number)
    for d in re.findall(r' d="([^"]+)"', svg):
        assert "," not in d


def test_english_page_uses_english_number_format(client):
    _city, areas, indicators = _world(2)
    Value.objects.filter(
        area=areas[0], indicator=indicators[0], date__year=2023
    ).update(value=Decimal("1234.5"))
    indicators[0].unit = "count"
    indicators[0].save()
    assert "1.234,5" in client.get(areas[0].get_absolute_url()).content.decode()
    assert "1,234.5" in client.get("/en" + areas[0].get_absolute_url()).content.decode()


def test_map_legend_names_method_and_bad_choice_is_400(client):
    _world(20)
    AreaFactory(code="ohne-grenze", name="Ohne Grenze", boundary=None)
    html = client.get(
        reverse("monitoring:map") + "?klassen=natuerlich"
    ).content.decode()
    assert "natürliche Klassengrenzen (Jenks)" in html
    assert "Farbsehschwäche" in html
    assert "Ohne Grenze" not in html  # no boundary, nothing to draw
    assert (
        client.get(reverse("monitoring:map") + "?indikator=gibtsnicht").status_code
        == 400
    )


def test_unknown_area_is_404(client, db):
    assert client.get(reverse("monitoring:area", args=["nirgends"])).status_code == 404


def test_index_classes_on_overview(client):
    _world(20)
    html = client.get(reverse("monitoring:overview")).content.decode()
    assert AreaIndex.objects.filter(date__year=2023).count() == 20
    assert "So wird der Index berechnet" in html
