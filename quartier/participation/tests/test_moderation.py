import pytest
from django.urls import reverse
from django.utils import timezone

from quartier.participation.models import ModerationAction, Report, Visibility

from .factories import CommentFactory


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("resident", 404),
        ("author", 404),
        ("moderator", 200),
        ("manager", 200),
        ("other_manager", 200),
        ("city_admin", 200),
    ],
)
@pytest.mark.django_db
def test_queue_access(client, login_as, idea, role, status):
    login_as(role)
    assert client.get(reverse("participation:moderation")).status_code == status


@pytest.mark.django_db
def test_team_queue_shows_only_its_quarter(client, login_as, idea, other_manager):
    comment = CommentFactory(idea=idea, body="Beleidigung hier")
    Report.objects.create(comment=comment, reason="beleidigend")
    client.force_login(other_manager)
    assert (
        "Beleidigung hier"
        not in client.get(reverse("participation:moderation")).content.decode()
    )
    login_as("manager")
    assert (
        "Beleidigung hier"
        in client.get(reverse("participation:moderation")).content.decode()
    )


@pytest.mark.django_db
def test_report_then_hide_with_reason_and_history(
    client, resident, moderator, idea, mailoutbox, django_capture_on_commit_callbacks
):
    comment = CommentFactory(idea=idea, body="Unfreundlich")
    idea.comment_count = 1
    idea.save()
    client.force_login(resident)
    client.post(
        reverse("participation:report", args=["kommentar", comment.pk]),
        {"reason": "Beleidigt andere"},
    )
    assert Report.objects.open().count() == 1

    client.force_login(moderator)
    queue = client.get(reverse("participation:moderation")).content.decode()
    assert "Beleidigt andere" in queue
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("participation:moderate", args=["kommentar", comment.pk]),
            {"action": "hide", "reason": "Bitte sachlich bleiben.", "version": 0},
        )
    comment.refresh_from_db()
    idea.refresh_from_db()
    assert comment.visibility == Visibility.HIDDEN
    assert idea.comment_count == 0
    assert not Report.objects.open().exists()
    step = ModerationAction.objects.get()
    assert (step.moderator, step.action, step.reason) == (
        moderator,
        "hide",
        "Bitte sachlich bleiben.",
    )
    assert [m.to for m in mailoutbox] == [[comment.author.email]]
    assert "Bitte sachlich bleiben." in mailoutbox[0].body

    client.force_login(comment.author)
    body = client.get(idea.get_absolute_url()).content.decode()
    assert "Unfreundlich" not in body and "Bitte sachlich bleiben." in body

    client.force_login(moderator)
    client.post(
        reverse("participation:moderate", args=["kommentar", comment.pk]),
        {"action": "restore", "reason": "Nach Prüfung in Ordnung.", "version": 1},
    )
    comment.refresh_from_db()
    idea.refresh_from_db()
    assert comment.visibility == Visibility.VISIBLE and idea.comment_count == 1
    assert ModerationAction.objects.count() == 2


@pytest.mark.django_db
def test_hiding_needs_a_reason(client, moderator, idea):
    client.force_login(moderator)
    client.post(
        reverse("participation:moderate", args=["idee", idea.pk]),
        {"action": "hide", "reason": "", "version": 0},
    )
    idea.refresh_from_db()
    assert idea.visibility == Visibility.VISIBLE


@pytest.mark.django_db
def test_second_moderator_sees_what_the_first_did(client, moderator, manager, idea):
    client.force_login(moderator)
    client.post(
        reverse("participation:moderate", args=["idee", idea.pk]),
        {"action": "hide", "reason": "Werbung", "version": 0},
    )
    # The second moderator loaded the page before, so posts the old version.
    client.force_login(manager)
    response = client.post(
        reverse("participation:moderate", args=["idee", idea.pk]),
        {"action": "dismiss", "reason": "", "version": 0},
        follow=True,
    )
    body = response.content.decode()
    assert "Nicht gespeichert" in body and "Werbung" in body
    idea.refresh_from_db()
    assert idea.visibility == Visibility.HIDDEN
    assert ModerationAction.objects.count() == 1


@pytest.mark.parametrize("role", ["resident", "author", "other_manager"])
@pytest.mark.django_db
def test_others_cannot_moderate(client, login_as, idea, role):
    login_as(role)
    response = client.post(
        reverse("participation:moderate", args=["idee", idea.pk]),
        {"action": "hide", "reason": "x", "version": 0},
    )
    assert response.status_code == 404
    idea.refresh_from_db()
    assert idea.visibility == Visibility.VISIBLE


@pytest.mark.django_db
def test_pre_moderated_comment_approved_notifies(client, moderator, idea):
    comment = CommentFactory(idea=idea, visibility=Visibility.PENDING)
    client.force_login(moderator)
    client.post(
        reverse("participation:moderate", args=["kommentar", comment.pk]),
        {"action": "approve", "reason": "", "version": 0},
    )
    idea.refresh_from_db()
    assert idea.comment_count == 1
    assert comment.author.notifications.get().kind == "moderation"


@pytest.mark.django_db
def test_report_rate_limit(client, resident, idea):
    client.force_login(resident)
    url = reverse("participation:report", args=["idee", idea.pk])
    for _ in range(11):
        response = client.post(url, {"reason": "Spam"})
    assert "später noch einmal" in response.content.decode()
    assert Report.objects.count() == 10


@pytest.mark.django_db
def test_awaiting_moderation_querysets(idea, quarter):
    from quartier.participation.models import Comment, Idea
    from quartier.quarters.models import Quarter
    from quartier.quarters.tests.factories import QuarterFactory

    from .factories import IdeaFactory

    pending = IdeaFactory(quarter=quarter, visibility=Visibility.PENDING)
    IdeaFactory(quarter=quarter)  # visible and unreported: nothing to do
    elsewhere = IdeaFactory(quarter=QuarterFactory(), visibility=Visibility.PENDING)
    reported = CommentFactory(idea=idea)
    Report.objects.create(comment=reported, reason="beleidigend")
    settled = CommentFactory(idea=idea)
    Report.objects.create(comment=settled, reason="alt", resolved_at=timezone.now())
    Report.objects.create(idea=idea, reason="Werbung")
    ModerationAction.objects.create(
        comment=settled, action=ModerationAction.Action.DISMISS
    )
    ModerationAction.objects.create(idea=elsewhere, action=ModerationAction.Action.HIDE)

    mine = Quarter.objects.filter(pk=quarter.pk)
    assert set(Idea.objects.awaiting_moderation(mine)) == {idea, pending}
    assert list(Comment.objects.awaiting_moderation(mine)) == [reported]
    assert [s.comment for s in ModerationAction.objects.in_quarters(mine)] == [settled]
    assert elsewhere in Idea.objects.awaiting_moderation(Quarter.objects.all())
