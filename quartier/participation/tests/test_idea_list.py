import re

import pytest
from django.urls import reverse

from quartier.participation.models import Idea, Visibility

from .factories import CategoryFactory, CommentFactory, IdeaFactory

URL = reverse("participation:idea_list")


@pytest.mark.django_db
def test_lists_only_visible_ideas(client, quarter):
    IdeaFactory(quarter=quarter, title="Sichtbar")
    IdeaFactory(quarter=quarter, title="Versteckt", visibility=Visibility.HIDDEN)
    IdeaFactory(quarter=quarter, title="Wartet", visibility=Visibility.PENDING)
    body = client.get(URL).content.decode()
    assert "Sichtbar" in body
    assert "Versteckt" not in body
    assert "Wartet" not in body


@pytest.mark.django_db
def test_filters_by_quarter_category_and_status_without_js(
    client, quarter, other_quarter
):
    green = CategoryFactory(name="Grün")
    IdeaFactory(quarter=quarter, title="Bäume pflanzen", category=green)
    IdeaFactory(quarter=quarter, title="Ampel", status=Idea.Status.ACCEPTED)
    IdeaFactory(quarter=other_quarter, title="Anderswo", category=green)

    body = client.get(URL, {"quartier": "schinkel"}).content.decode()
    assert "Bäume pflanzen" in body and "Ampel" in body and "Anderswo" not in body

    body = client.get(
        URL, {"quartier": "schinkel", "handlungsfeld": green.pk}
    ).content.decode()
    assert "Bäume pflanzen" in body and "Ampel" not in body

    body = client.get(URL, {"stand": "accepted"}).content.decode()
    assert "Ampel" in body and "Bäume pflanzen" not in body


@pytest.mark.django_db
def test_sorts_by_support_and_discussion(client, quarter):
    quiet = IdeaFactory(quarter=quarter, title="Leise Idee")
    loud = IdeaFactory(quarter=quarter, title="Beliebte Idee", support_count=5)
    talked = IdeaFactory(quarter=quarter, title="Diskutierte Idee", comment_count=9)
    del quiet, loud, talked
    body = client.get(URL, {"sortierung": "unterstuetzt"}).content.decode()
    assert body.index("Beliebte Idee") < body.index("Leise Idee")
    body = client.get(URL, {"sortierung": "diskutiert"}).content.decode()
    assert body.index("Diskutierte Idee") < body.index("Beliebte Idee")
    body = client.get(URL).content.decode()
    assert body.index("Diskutierte Idee") < body.index("Leise Idee")  # newest first


@pytest.mark.django_db
def test_invalid_filter_values_are_ignored(client, quarter):
    IdeaFactory(quarter=quarter, title="Da")
    response = client.get(
        URL, {"quartier": "gibtsnicht", "sortierung": "<script>", "seite": "x"}
    )
    assert response.status_code == 200


@pytest.mark.django_db
def test_htmx_gets_only_the_results(client, quarter):
    IdeaFactory(quarter=quarter, title="Bank")
    response = client.get(
        URL,
        {"quartier": "schinkel"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="idea-results",
    )
    body = response.content.decode()
    assert 'id="idea-results"' in body
    assert "Bank" in body
    assert "<html" not in body


@pytest.mark.django_db
def test_pagination_keeps_the_filters(client, quarter):
    IdeaFactory.create_batch(21, quarter=quarter)
    body = client.get(URL, {"quartier": "schinkel"}).content.decode()
    assert "?quartier=schinkel&amp;seite=2" in body


@pytest.mark.django_db
def test_quarter_list_shows_map_with_points(client, quarter):
    point = quarter.shape.representative_point()
    IdeaFactory(quarter=quarter, title="Mit Ort", longitude=point.x, latitude=point.y)
    body = client.get(URL, {"quartier": "schinkel"}).content.decode()
    assert "map__point--idea" in body


@pytest.mark.parametrize("rows", [2, 20])
@pytest.mark.django_db
def test_query_count_does_not_grow_with_rows(
    client, quarter, django_assert_num_queries, rows
):
    point = quarter.shape.representative_point()
    for idea in IdeaFactory.create_batch(
        rows, quarter=quarter, longitude=point.x, latitude=point.y
    ):
        CommentFactory(idea=idea)
    client.get(URL)  # warm Wagtail's site and locale caches
    # Session, user, filter choices, count, page, map points, footer pages:
    # the same number with 2 rows and with 20.
    with django_assert_num_queries(QUERIES):
        client.get(URL, {"quartier": "schinkel"})


QUERIES = 11


@pytest.mark.django_db
def test_the_map_shows_only_the_ideas_the_filter_lists(client, quarter):
    """One idea listed, one pin: the map follows every filter, not only the quarter."""
    green = CategoryFactory(name="Grün")
    point = quarter.shape.representative_point()
    for title, category in [("Bäume", green), ("Ampel", None), ("Bank", None)]:
        IdeaFactory(
            quarter=quarter,
            title=title,
            category=category,
            longitude=point.x,
            latitude=point.y,
        )
    response = client.get(URL, {"quartier": quarter.slug, "handlungsfeld": green.pk})
    assert [p["idea"].title for p in response.context["map"]["points"]] == ["Bäume"]
    assert response.content.decode().count("<circle") == 1

    # With htmx the filter swaps the results, and the map is part of them.
    response = client.get(
        URL,
        {"quartier": quarter.slug, "handlungsfeld": green.pk},
        headers={"HX-Request": "true", "HX-Target": "idea-results"},
    )
    body = response.content.decode()
    assert body.count("<circle") == 1 and "<h1" not in body


@pytest.mark.django_db
def test_geojson_link_of_a_quarter_filters_that_quarter(client, quarter):
    point = quarter.shape.representative_point()
    IdeaFactory(quarter=quarter, longitude=point.x, latitude=point.y)
    html = client.get("/mitmachen/ideen/", {"quartier": quarter.slug}).content.decode()
    (link,) = re.findall(r'href="(/api/v1/participation/ideas\.geojson[^"]*)"', html)
    response = client.get(link.replace("&amp;", "&"))
    assert response.status_code == 200
    assert {f["properties"]["quarter"] for f in response.json()["features"]} == {
        quarter.slug
    }
