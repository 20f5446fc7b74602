"""The issue's "done when" journey, end to end through the real views."""

import re

import pytest
from django.urls import reverse

from quartier.participation.models import Comment, Idea, Report, Support, Visibility
from quartier.participation.tests.factories import CategoryFactory


@pytest.mark.django_db
def test_new_resident_to_team_answer_to_moderation(
    client, quarter, manager, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    # Sign up; posting is refused until the address is verified.
    client.post(
        reverse("account_signup"),
        {
            "email": "neu@example.org",
            "password1": "Quartier-2026!x",
            "password2": "Quartier-2026!x",
        },
    )
    link = re.search(
        r"https?://\S+/konto/confirm-email/\S+/", mailoutbox[-1].body
    ).group(0)
    client.post(
        reverse("account_login"),
        {"login": "neu@example.org", "password": "Quartier-2026!x"},
    )
    create = reverse("participation:idea_create", args=[quarter.slug])
    assert client.get(create).status_code == 302
    path = link.split("://", 1)[1].split("/", 1)[1]
    client.post("/" + path)
    client.post(
        reverse("account_login"),
        {"login": "neu@example.org", "password": "Quartier-2026!x"},
    )
    # Post an idea with a point in the quarter, comment on it, support it.
    point = quarter.shape.representative_point()
    client.post(
        create,
        {
            "title": "Trinkbrunnen",
            "description": "Am Spielplatz.",
            "category": CategoryFactory().pk,
            "longitude": point.x,
            "latitude": point.y,
        },
    )
    idea = Idea.objects.get(title="Trinkbrunnen")
    client.post(
        reverse("participation:comment_create", args=[idea.pk]),
        {"body": "Wer hilft mit?"},
    )
    client.post(reverse("participation:idea_support", args=[idea.pk]))
    assert Support.objects.filter(idea=idea).count() == 1

    # The Schinkel team accepts it with an answer; the author gets the email.
    client.force_login(manager)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("participation:idea_feedback", args=[idea.pk]),
            {"status": "accepted", "answer": "Kommt im Frühjahr."},
        )
    to_author = [m for m in mailoutbox if m.to == ["neu@example.org"]]
    assert len(to_author) == 1 and "angenommen" in to_author[0].body

    # Someone reports a rude comment; a moderator hides it.
    rude = Comment.objects.create(idea=idea, author=manager, body="Unsinn!")
    client.force_login(moderator)
    client.post(
        reverse("participation:report", args=["kommentar", rude.pk]),
        {"reason": "unhöflich"},
    )
    client.post(
        reverse("participation:moderate", args=["kommentar", rude.pk]),
        {"action": "hide", "reason": "Bitte freundlich bleiben.", "version": 0},
    )
    rude.refresh_from_db()
    assert rude.visibility == Visibility.HIDDEN
    assert not Report.objects.open().exists()

    # The list filters and sorts with plain GET parameters.
    client.logout()
    body = client.get(
        reverse("participation:idea_list"),
        {"quartier": quarter.slug, "stand": "accepted", "sortierung": "unterstuetzt"},
    ).content.decode()
    assert "Trinkbrunnen" in body
