import datetime as dt

import pytest
import time_machine

from quartier.core.opening_hours import BERLIN
from quartier.quarters.tests.factories import QuarterFactory


@pytest.mark.django_db
def test_schinkel_page_shows_kind_programme_facts_and_sources(client, demo):
    html = client.get("/quartiere/schinkel/").content.decode()
    assert "<h1>Sanierungsgebiet Schinkel</h1>" in html
    assert "Sozialer Zusammenhalt, 2018–heute" in html
    assert "94,01 ha" in html
    assert "8.500" in html
    assert "15.000.000 €" in html
    assert "fakten-ziele" in html  # a source is named


@pytest.mark.django_db
def test_quarter_page_shows_office_with_hours_team_map_and_news(client, demo):
    html = client.get("/quartiere/dodesheide/").content.decode()
    assert "Dodeshausweg 73" in html
    assert "Deutsch, Arabisch, Türkisch" in html
    assert 'class="badge"' in html  # fictional team members are marked
    assert '<svg viewBox="0 0 400' in html and "map__quarter--active" in html
    assert "Anwohnerfest am Bierbaumsweg" in html
    assert "/quartiere/dodesheide/aktuelles/feed/" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (
            dt.datetime(2026, 11, 30, 15, 0, tzinfo=BERLIN),
            "Jetzt geöffnet, bis 18:00 Uhr",
        ),  # Monday
        (
            dt.datetime(2026, 12, 1, 15, 0, tzinfo=BERLIN),
            "Jetzt geschlossen",
        ),  # Tuesday
    ],
)
def test_open_now_is_computed_in_berlin_time(client, demo, moment, expected):
    with time_machine.travel(moment, tick=False):
        assert expected in client.get("/quartiere/dodesheide/").content.decode()


@pytest.mark.django_db
def test_finished_area_reads_as_history(client, demo):
    html = client.get("/quartiere/rosenplatz/").content.decode()
    assert "Die Förderung in diesem Gebiet ist beendet" in html
    for heading in ["Was erreicht wurde", "Was bleibt", "Wer weitermacht"]:
        assert heading in html
    assert "Stadtteilbüro Rosenplatz" in html and "geschlossen" in html


@pytest.mark.django_db
def test_english_quarter_page(client, demo):
    response = client.get("/en/quartiere/schinkel/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in html
    assert "redevelopment area" in html


@pytest.mark.django_db
def test_quarter_pages_are_four_different_pages(client, demo):
    titles = set()
    for slug in ["dodesheide", "rosenplatz", "schinkel", "nette-quartier"]:
        response = client.get(f"/quartiere/{slug}/")
        assert response.status_code == 200
        titles.add(response.context["page"].title)
    assert len(titles) == 4


@pytest.mark.django_db
def test_query_counts_do_not_grow_with_quarters(
    client, demo, django_assert_num_queries
):
    client.get("/")  # warm Wagtail's site cache
    with django_assert_num_queries(10):
        client.get("/")
    # + measures teaser, + next events, + "Das Quartier in Zahlen" (6)
    with django_assert_num_queries(30):
        client.get("/quartiere/schinkel/")
    for _ in range(6):
        _add_quarter_with_page()
    with django_assert_num_queries(10):
        client.get("/")
    with django_assert_num_queries(12):
        client.get("/quartiere/")


def _add_quarter_with_page():
    from quartier.cms.models import QuarterIndexPage, QuarterPage

    quarter = QuarterFactory()
    index = QuarterIndexPage.objects.get(locale__language_code="de")
    page = index.add_child(
        instance=QuarterPage(
            title=quarter.name,
            slug=quarter.slug,
            quarter=quarter,
            teaser="t",
            intro="i",
        )
    )
    page.save_revision().publish()


@pytest.mark.django_db
def test_svg_coordinates_are_not_localised(client, demo):
    # German number formatting would turn 420.8 into "420,8" and break the SVG.
    html = (
        client.get("/").content.decode()
        + client.get("/quartiere/schinkel/").content.decode()
    )
    import re

    assert not re.search(r'(x|y|cx|cy)="\d+,\d', html)
    assert re.search(r'x="\d+(\.\d)?"', html)
