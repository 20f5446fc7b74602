import pytest
from django.urls import reverse

from quartier.accounts.models import NotificationSettings
from quartier.accounts.tests.factories import UserFactory
from quartier.participation.models import Idea
from quartier.participation.services import idea_support


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("resident", 404),
        ("author", 404),
        ("moderator", 404),
        ("manager", 302),
        ("other_manager", 404),
        ("city_admin", 302),
    ],
)
@pytest.mark.django_db
def test_feedback_matrix(client, login_as, idea, role, status):
    login_as(role)
    response = client.post(
        reverse("participation:idea_feedback", args=[idea.pk]),
        {"status": "accepted", "answer": "Machen wir."},
    )
    assert response.status_code == status
    idea.refresh_from_db()
    assert (idea.status == "accepted") is (status == 302 and role != "anonymous")


@pytest.mark.django_db
def test_accepting_emails_author_and_supporters(
    client, manager, idea, mailoutbox, django_capture_on_commit_callbacks
):
    supporter = UserFactory()
    idea_support(idea=idea, user=supporter)
    client.force_login(manager)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("participation:idea_feedback", args=[idea.pk]),
            {"status": "accepted", "answer": "Wir bauen die Bank im Frühjahr."},
        )
    idea.refresh_from_db()
    assert idea.answered_by == manager and idea.answered_at
    recipients = sorted(m.to[0] for m in mailoutbox)
    assert recipients == sorted([idea.author.email, supporter.email])
    author_mail = next(m for m in mailoutbox if m.to == [idea.author.email])
    assert "geantwortet" in author_mail.body and "angenommen" in author_mail.body
    assert idea.get_absolute_url() in author_mail.body


@pytest.mark.django_db
def test_not_possible_needs_explanation(client, manager, idea):
    client.force_login(manager)
    response = client.post(
        reverse("participation:idea_feedback", args=[idea.pk]),
        {"status": "not_possible", "answer": " "},
    )
    assert response.status_code == 200
    assert "begründen" in response.content.decode()
    idea.refresh_from_db()
    assert idea.status == "new"


@pytest.mark.django_db
def test_database_refuses_not_possible_without_answer(idea):
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        Idea.objects.filter(pk=idea.pk).update(status="not_possible", answer="")


@pytest.mark.django_db
def test_switched_off_kind_stays_in_portal_only(
    client, manager, idea, mailoutbox, django_capture_on_commit_callbacks
):
    NotificationSettings.objects.create(user=idea.author, email_answer=False)
    client.force_login(manager)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("participation:idea_feedback", args=[idea.pk]),
            {"status": "review", "answer": "Wir prüfen."},
        )
    assert mailoutbox == []
    assert idea.author.notifications.count() == 1
