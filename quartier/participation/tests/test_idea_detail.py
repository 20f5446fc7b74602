import pytest

from quartier.participation.models import Visibility

from .factories import CommentFactory

ROLES = [
    "anonymous",
    "resident",
    "author",
    "moderator",
    "manager",
    "other_manager",
    "city_admin",
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.django_db
def test_visible_idea_is_public(client, login_as, idea, role):
    login_as(role)
    assert client.get(idea.get_absolute_url()).status_code == 200


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 404),
        ("resident", 404),
        ("author", 200),
        ("moderator", 200),
        ("manager", 200),
        ("other_manager", 404),
        ("city_admin", 200),
    ],
)
@pytest.mark.parametrize("visibility", [Visibility.HIDDEN, Visibility.PENDING])
@pytest.mark.django_db
def test_hidden_or_pending_idea(client, login_as, idea, role, status, visibility):
    idea.visibility = visibility
    idea.save()
    login_as(role)
    assert client.get(idea.get_absolute_url()).status_code == status


@pytest.mark.django_db
def test_official_answer_and_deleted_account(client, idea):
    idea.status, idea.answer = "accepted", "Wir setzen das um."
    idea.save()
    idea.author.delete()
    body = client.get(idea.get_absolute_url()).content.decode()
    assert "Antwort des Quartiersteams" in body
    assert "Wir setzen das um." in body
    assert "gelöschtes Konto" in body


@pytest.mark.django_db
def test_text_keeps_line_breaks_and_links(client, idea):
    idea.description = "Erste Zeile\nZweite Zeile https://example.org/plan"
    idea.save()
    body = client.get(idea.get_absolute_url()).content.decode()
    assert "Erste Zeile<br>Zweite Zeile" in body
    assert '<a href="https://example.org/plan" rel="nofollow">' in body


@pytest.mark.parametrize("rows", [2, 20])
@pytest.mark.django_db
def test_query_count_does_not_grow_with_comments(
    client, idea, resident, django_assert_num_queries, rows
):
    for _ in range(rows // 2):
        parent = CommentFactory(idea=idea)
        CommentFactory(idea=idea, parent=parent)
    client.force_login(resident)
    client.get(idea.get_absolute_url())
    with django_assert_num_queries(16):  # + measures made from the idea
        client.get(idea.get_absolute_url())


@pytest.mark.django_db
def test_map_coordinates_are_never_localized(client, idea):
    """German formats write 265,1; the browser reads cx="265,1" as 0 (top-left corner)."""
    from quartier.core.tests.crawl import parse

    page = parse("", client.get(idea.get_absolute_url()).content.decode())
    assert page.svgs == 2  # the logo and the map
    assert page.problems == []
    assert 'cx="' in page.html
