import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from quartier.participation.models import Comment

from .factories import CommentFactory


@pytest.mark.parametrize(
    ("role", "created"),
    [
        ("anonymous", False),
        ("resident", True),
        ("author", True),
        ("moderator", True),
        ("manager", True),
        ("other_manager", True),
        ("city_admin", True),
    ],
)
@pytest.mark.django_db
def test_comment_matrix(client, login_as, idea, role, created):
    login_as(role)
    client.post(
        reverse("participation:comment_create", args=[idea.pk]), {"body": "Gut!"}
    )
    assert Comment.objects.exists() is created
    idea.refresh_from_db()
    assert idea.comment_count == int(created)


@pytest.mark.django_db
def test_reply_notifies_parent_author_by_email(
    client, resident, idea, mailoutbox, django_capture_on_commit_callbacks
):
    parent = CommentFactory(idea=idea)
    client.force_login(resident)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("participation:comment_create", args=[idea.pk]),
            {"body": "Stimmt!", "parent": parent.pk},
        )
    reply = Comment.objects.get(parent=parent)
    assert response.url.endswith(f"#kommentar-{reply.pk}")
    assert [m.to for m in mailoutbox] == [[parent.author.email]]
    assert "List-Unsubscribe" in mailoutbox[0].extra_headers
    assert parent.author.notifications.get().kind == "reply"


@pytest.mark.django_db
def test_only_one_reply_level(client, resident, idea):
    parent = CommentFactory(idea=idea)
    reply = CommentFactory(idea=idea, parent=parent)
    client.force_login(resident)
    response = client.post(
        reverse("participation:comment_create", args=[idea.pk]),
        {"body": "Noch tiefer", "parent": reply.pk},
    )
    assert response.status_code == 404
    assert Comment.objects.count() == 2


@pytest.mark.django_db
def test_edit_within_window_shows_edited(client, idea):
    comment = CommentFactory(idea=idea)
    client.force_login(comment.author)
    url = reverse("participation:comment_edit", args=[comment.pk])
    client.post(url, {"body": "Korrigiert"})
    comment.refresh_from_db()
    assert comment.body == "Korrigiert" and comment.edited_at
    assert "bearbeitet" in client.get(idea.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_edit_after_window_is_refused(client, idea):
    comment = CommentFactory(idea=idea)
    client.force_login(comment.author)
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=16)):
        response = client.post(
            reverse("participation:comment_edit", args=[comment.pk]),
            {"body": "Zu spät"},
        )
    assert response.status_code == 404
    comment.refresh_from_db()
    assert comment.body != "Zu spät"


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("resident", 404), ("moderator", 404), ("manager", 404)],
)
@pytest.mark.django_db
def test_others_cannot_edit_or_delete(client, login_as, idea, role, status):
    comment = CommentFactory(idea=idea)
    login_as(role)
    assert (
        client.post(
            reverse("participation:comment_edit", args=[comment.pk]), {"body": "x"}
        ).status_code
        == status
    )
    assert (
        client.post(
            reverse("participation:comment_delete", args=[comment.pk])
        ).status_code
        == status
    )
    comment.refresh_from_db()
    assert not comment.is_deleted


@pytest.mark.django_db
def test_author_deletes_comment_replies_stay(client, idea):
    comment = CommentFactory(idea=idea, body="Mein Text")
    CommentFactory(idea=idea, parent=comment, body="Antwort bleibt")
    idea.comment_count = 2
    idea.save()
    client.force_login(comment.author)
    client.post(reverse("participation:comment_delete", args=[comment.pk]))
    comment.refresh_from_db()
    idea.refresh_from_db()
    assert comment.is_deleted and comment.body == ""
    assert idea.comment_count == 1
    body = client.get(idea.get_absolute_url()).content.decode()
    assert "Mein Text" not in body and "Antwort bleibt" in body
