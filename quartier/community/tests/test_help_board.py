import datetime as dt

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from quartier.community import services
from quartier.community.models import Conversation, HelpPost, HelpPostReport

from .factories import HelpPostFactory, old_token


def _post_data(quarter, **extra):
    return {
        "kind": "offer",
        "category": "lending",
        "quarter": quarter.pk,
        "title": "Leiter zu verleihen",
        "text": "Drei Meter, Alu.",
        "expires_on": (timezone.localdate() + dt.timedelta(days=30)).isoformat(),
        "form_token": old_token(),
        **extra,
    }


@pytest.mark.django_db
def test_offer_help_and_get_a_reply_without_exposing_email(
    client, quarter, resident, org_rep, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(resident)
    response = client.post(reverse("community:help_create"), _post_data(quarter))
    post = HelpPost.objects.get()
    assert response.url == post.get_absolute_url()
    assert post.author == resident

    # A neighbour (any verified account) sees it and replies through the portal.
    client.force_login(org_rep)
    listing = client.get(reverse("community:help_list")).text
    assert "Leiter zu verleihen" in listing and resident.email not in listing
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("community:help_reply", kwargs={"pk": post.pk}),
            {"body": "Ich bräuchte sie am Samstag.", "form_token": old_token()},
        )
    conversation = Conversation.objects.get()
    assert conversation.recipient == resident and conversation.help_post == post
    assert mailoutbox[0].to == [resident.email]
    assert org_rep.email not in str(mailoutbox[0].message())

    client.force_login(resident)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(conversation.get_absolute_url(), {"body": "Gern, ab 10 Uhr."})
    assert mailoutbox[1].to == [org_rep.email]
    assert resident.email not in str(mailoutbox[1].message())


@pytest.mark.django_db
def test_author_cannot_reply_to_own_post(client, resident):
    post = HelpPostFactory(author=resident)
    client.force_login(resident)
    response = client.post(
        reverse("community:help_reply", kwargs={"pk": post.pk}),
        {"body": "Hallo", "form_token": old_token()},
    )
    assert response.status_code == 404


@pytest.mark.django_db
def test_posting_is_rate_limited(client, quarter, resident):
    client.force_login(resident)
    for index in range(services.MAX_HELP_POSTS_PER_DAY):
        client.post(
            reverse("community:help_create"), _post_data(quarter, title=f"Nr {index}")
        )
    response = client.post(reverse("community:help_create"), _post_data(quarter))
    assert response.status_code == 200
    assert "höchstens" in response.text
    assert HelpPost.objects.count() == services.MAX_HELP_POSTS_PER_DAY


@pytest.mark.django_db
def test_expiry_date_is_bounded(client, quarter, resident):
    client.force_login(resident)
    far = (timezone.localdate() + dt.timedelta(days=120)).isoformat()
    response = client.post(
        reverse("community:help_create"), _post_data(quarter, expires_on=far)
    )
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.text
    assert not HelpPost.objects.exists()


@pytest.mark.django_db
def test_expired_posts_leave_the_board(client):
    post = HelpPostFactory(title="Bald weg")
    with time_machine.travel(timezone.now() + dt.timedelta(days=31)):
        assert "Bald weg" not in client.get(reverse("community:help_list")).text
        assert client.get(post.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_reminder_before_expiry_once(mailoutbox, django_capture_on_commit_callbacks):
    post = HelpPostFactory()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.help_posts_send_reminders() == 0
    with time_machine.travel(timezone.now() + dt.timedelta(days=28)):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("community_reminders", stdout=open("/dev/null", "w"))
        with django_capture_on_commit_callbacks(execute=True):
            assert services.help_posts_send_reminders() == 0
    assert [m.to for m in mailoutbox] == [[post.author.email]]


@pytest.mark.django_db
def test_author_extends_and_closes(client, resident):
    post = HelpPostFactory(author=resident)
    old_expiry = post.expires_on
    client.force_login(resident)
    url = reverse("community:help_close", kwargs={"pk": post.pk})
    client.post(url, {"action": "extend"})
    post.refresh_from_db()
    assert post.expires_on == old_expiry + dt.timedelta(days=30)
    client.post(url, {"action": "close"})
    post.refresh_from_db()
    assert post.status == HelpPost.Status.CLOSED
    listed = client.get(reverse("community:help_list")).context["page_obj"]
    assert post not in list(listed)


@pytest.mark.django_db
def test_reports_hide_a_post_after_three_readers(
    client, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    from quartier.accounts.tests.factories import UserFactory

    post = HelpPostFactory(title="Teppichreinigung günstig")
    for _ in range(services.AUTO_HIDE_REPORTS):
        client.force_login(UserFactory())
        with django_capture_on_commit_callbacks(execute=True):
            client.post(
                reverse("community:help_report", kwargs={"pk": post.pk}),
                {"reason": "commercial"},
            )
    post.refresh_from_db()
    assert post.hidden_at is not None
    assert mailoutbox and all(m.to == [moderator.email] for m in mailoutbox)
    assert "Teppichreinigung" not in client.get(reverse("community:help_list")).text

    client.force_login(moderator)
    assert "Teppichreinigung" in client.get(reverse("community:help_moderation")).text
    client.post(
        reverse("community:help_moderate", kwargs={"pk": post.pk}),
        {"action": "restore"},
    )
    post.refresh_from_db()
    assert post.hidden_at is None
    assert not HelpPostReport.objects.filter(resolved_at__isnull=True).exists()


@pytest.mark.django_db
def test_reporting_twice_is_refused(client, resident):
    post = HelpPostFactory()
    client.force_login(resident)
    url = reverse("community:help_report", kwargs={"pk": post.pk})
    client.post(url, {"reason": "commercial"})
    response = client.post(url, {"reason": "offensive"}, follow=True)
    assert "bereits gemeldet" in response.text
    assert HelpPostReport.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("resident", 404),
        ("org_rep", 404),
        ("moderator", 200),
        ("other_manager", 404),
        ("manager", 404),
        ("city_admin", 200),
    ],
)
def test_moderation_access(client, login_as, role, status):
    login_as(role)
    assert client.get(reverse("community:help_moderation")).status_code == status


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("resident", 200),
        ("org_rep", 200),
        ("moderator", 200),
        ("other_manager", 200),
        ("manager", 200),
        ("city_admin", 200),
    ],
)
def test_create_access(client, login_as, role, status):
    login_as(role)
    assert client.get(reverse("community:help_create")).status_code == status


@pytest.mark.django_db
def test_create_needs_verified_email(client):
    from quartier.accounts.tests.factories import UserFactory

    client.force_login(UserFactory(verified=False))
    assert client.get(reverse("community:help_create")).status_code == 404


@pytest.mark.django_db
def test_filters(client, quarter, other_quarter):
    HelpPostFactory(quarter=quarter, kind="offer", category="tech", title="Handyhilfe")
    HelpPostFactory(
        quarter=quarter, kind="request", category="tech", title="Suche WLAN"
    )
    HelpPostFactory(
        quarter=other_quarter, kind="offer", category="tech", title="Anderswo"
    )
    response = client.get(
        reverse("community:help_list"),
        {"quartier": "schinkel", "art": "offer", "kategorie": "tech"},
    )
    assert [p.title for p in response.context["page_obj"]] == ["Handyhilfe"]


@pytest.mark.django_db
@pytest.mark.parametrize("rows", [2, 20])
def test_list_query_count(client, quarter, django_assert_num_queries, rows):
    HelpPostFactory.create_batch(rows, quarter=quarter)
    with django_assert_num_queries(5):
        response = client.get(reverse("community:help_list"))
    assert len(response.context["page_obj"]) == rows
