import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from quartier.community.models import OrganisationHours

from .factories import BusinessFactory, OrganisationFactory

URL = reverse("community:organisation_list")


@pytest.mark.django_db
def test_find_turkish_step_free_club_in_schinkel(client, quarter, other_quarter):
    wanted = OrganisationFactory(
        name="Kulturverein", quarters=[quarter], languages=["tr", "de"], step_free=True
    )
    OrganisationFactory(name="Ohne Rampe", quarters=[quarter], languages=["tr"])
    OrganisationFactory(
        name="Anderes Quartier",
        quarters=[other_quarter],
        languages=["tr"],
        step_free=True,
    )
    OrganisationFactory(
        name="Nur Deutsch", quarters=[quarter], languages=["de"], step_free=True
    )
    OrganisationFactory(
        name="Schule",
        kind="school",
        quarters=[quarter],
        languages=["tr"],
        step_free=True,
    )
    response = client.get(
        URL,
        {"quartier": "schinkel", "art": "club", "sprache": "tr", "stufenlos": "on"},
    )
    assert response.status_code == 200
    assert [o.name for o in response.context["rows"]] == [wanted.name]
    assert "1 Eintrag gefunden" in response.text


@pytest.mark.django_db
def test_target_group_filter_and_search(client, quarter):
    OrganisationFactory(
        name="Seniorentreff", quarters=[quarter], target_groups=["senioren"]
    )
    OrganisationFactory(
        name="Kita", kind="daycare", quarters=[quarter], target_groups=["kinder"]
    )
    response = client.get(URL, {"zielgruppe": "senioren"})
    assert [o.name for o in response.context["rows"]] == ["Seniorentreff"]
    response = client.get(URL, {"q": "kita"})
    assert [o.name for o in response.context["rows"]] == ["Kita"]


@pytest.mark.django_db
def test_businesses_and_unpublished_stay_out_of_the_actors_list(client, quarter):
    OrganisationFactory(name="Sichtbar", quarters=[quarter])
    OrganisationFactory(name="Versteckt", quarters=[quarter], is_published=False)
    BusinessFactory(name="Bäckerei", quarters=[quarter])
    response = client.get(URL)
    assert [o.name for o in response.context["rows"]] == ["Sichtbar"]


@pytest.mark.django_db
def test_htmx_request_gets_only_the_results(client, quarter):
    OrganisationFactory(name="Sportverein", quarters=[quarter])
    response = client.get(URL, {"quartier": "schinkel"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<div id="results"')
    assert "<h1>" not in response.text
    assert "Sportverein" in response.text


@pytest.mark.django_db
def test_without_javascript_the_filter_is_a_plain_get_form(client, quarter):
    response = client.get(URL)
    assert 'method="get"' in response.text
    assert 'type="submit"' in response.text
    assert "<script>" not in response.text and " style=" not in response.text


@pytest.mark.django_db
def test_map_marks_each_row_with_a_point(client, quarter):
    OrganisationFactory(name="A", quarters=[quarter])
    OrganisationFactory(name="B", quarters=[quarter])
    response = client.get(URL)
    assert response.context["map"] is not None
    assert len(response.context["map"]["points"]) == 2
    # Coordinates without a decimal comma, whatever the locale.
    assert 'cx="' in response.text and "," not in response.text.split('cx="')[1][:8]


@pytest.mark.django_db
@pytest.mark.parametrize("rows", [2, 20])
def test_query_count_is_pinned(client, quarter, django_assert_num_queries, rows):
    for index in range(rows):
        OrganisationFactory(
            quarters=[quarter], languages=["de", "tr"], name=f"V{index}"
        )
    with django_assert_num_queries(14):
        response = client.get(URL, {"sprache": "tr"})
    assert len(response.context["rows"]) == rows


@pytest.mark.django_db
@pytest.mark.parametrize("rows", [2, 20])
def test_business_list_query_count_is_pinned(
    client, quarter, django_assert_num_queries, rows
):
    for index in range(rows):
        BusinessFactory(quarters=[quarter], name=f"L{index}")
    with django_assert_num_queries(13):
        response = client.get(reverse("community:business_list"))
    assert len(response.context["rows"]) == rows


@pytest.mark.django_db
def test_business_open_now_filter(client, quarter):
    open_shop = BusinessFactory(name="Werktags offen", quarters=[quarter])
    weekend = BusinessFactory(name="Nur Samstag", quarters=[quarter])
    OrganisationHours.objects.filter(organisation=weekend).delete()
    OrganisationHours.objects.create(
        organisation=weekend, weekday=5, opens=dt.time(9), closes=dt.time(13)
    )
    url = reverse("community:business_list")
    # Wednesday 10:00 in Osnabrück
    with time_machine.travel(
        dt.datetime(2026, 11, 25, 10, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    ):
        response = client.get(url, {"geoeffnet": "on"})
        assert [o.name for o in response.context["rows"]] == [open_shop.name]
        assert "Jetzt geöffnet, bis 18:00 Uhr" in response.text
    with time_machine.travel(
        dt.datetime(2026, 11, 28, 10, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    ):
        response = client.get(url, {"geoeffnet": "on"})
        assert [o.name for o in response.context["rows"]] == [weekend.name]


@pytest.mark.django_db
def test_open_now_filter_spans_all_pages(client, quarter):
    for index in range(25):
        BusinessFactory(quarters=[quarter], name=f"Werktags {index:02}")
    saturday = BusinessFactory(quarters=[quarter], name="ZZ Samstag")
    OrganisationHours.objects.filter(organisation=saturday).update(weekday=5)
    saturday_10 = dt.datetime(2026, 11, 28, 10, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    with time_machine.travel(saturday_10):
        response = client.get(reverse("community:business_list"), {"geoeffnet": "on"})
    assert [o.name for o in response.context["rows"]] == ["ZZ Samstag"]
    assert response.context["page_obj"].paginator.count == 1
