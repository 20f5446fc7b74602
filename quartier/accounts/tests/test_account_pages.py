import json

import pytest
from django.urls import reverse

from quartier.accounts.models import Notification, NotificationSettings, User
from quartier.participation.services import comment_create, idea_support
from quartier.participation.tests.factories import IdeaFactory

PAGES = [
    "accounts:profile",
    "accounts:notifications",
    "accounts:notification_settings",
    "accounts:delete",
    "accounts:data_download",
]


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize(("role", "status"), [("anonymous", 302), ("resident", 200)])
@pytest.mark.django_db
def test_pages_need_login(client, login_as, name, role, status):
    login_as(role)
    assert client.get(reverse(name)).status_code == status


@pytest.mark.django_db
def test_profile_sets_pseudonym(client, resident):
    client.force_login(resident)
    client.post(reverse("accounts:profile"), {"display_name": "Gartenfee"})
    resident.refresh_from_db()
    assert resident.public_name == "Gartenfee"


@pytest.mark.django_db
def test_data_download_has_everything(client, resident, quarter):
    idea = IdeaFactory(quarter=quarter, author=resident, title="Meine Idee")
    comment_create(idea=idea, author=resident, body="Mein Kommentar")
    idea_support(idea=IdeaFactory(quarter=quarter), user=resident)
    client.force_login(resident)
    response = client.get(reverse("accounts:data_download"))
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["account"]["email"] == resident.email
    assert [i["title"] for i in data["ideas"]] == ["Meine Idee"]
    assert [c["body"] for c in data["comments"]] == ["Mein Kommentar"]
    assert len(data["supports"]) == 1


@pytest.mark.django_db
def test_delete_account_keeps_contributions(client, resident, quarter):
    idea = IdeaFactory(quarter=quarter, author=resident, title="Bleibt")
    other = IdeaFactory(quarter=quarter)
    idea_support(idea=other, user=resident)
    comment_create(idea=other, author=resident, body="Kommentar bleibt")
    client.force_login(resident)
    response = client.post(
        reverse("accounts:delete"), {"confirm": "on", "password": "falsch"}
    )
    assert response.status_code == 200 and User.objects.filter(pk=resident.pk).exists()
    client.post(
        reverse("accounts:delete"),
        {"confirm": "on", "password": "correct horse battery staple"},
    )
    assert not User.objects.filter(pk=resident.pk).exists()
    other.refresh_from_db()
    assert other.support_count == 0
    body = client.get(other.get_absolute_url()).content.decode()
    assert "Kommentar bleibt" in body and "gelöschtes Konto" in body
    assert "gelöschtes Konto" in client.get(idea.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_notification_settings_and_list(client, resident):
    Notification.objects.create(
        user=resident, kind="reply", message="Neue Antwort", url="/x/"
    )
    client.force_login(resident)
    assert (
        "Neue Antwort" in client.get(reverse("accounts:notifications")).content.decode()
    )
    client.post(reverse("accounts:notifications"))
    assert not Notification.objects.unread().exists()
    client.post(
        reverse("accounts:notification_settings"),
        {"email_answer": "on", "daily_digest": "on"},
    )
    prefs = NotificationSettings.objects.get(user=resident)
    assert prefs.email_answer and not prefs.email_reply and prefs.daily_digest


@pytest.mark.django_db
def test_signup_form_is_valid_html(client):
    """as_p put the password rules (a list) inside <p><span>: the W3C checker's errors."""
    body = client.get(reverse("account_signup")).content.decode()
    form = body[body.index("<form") : body.index("</form>")]
    assert "<p>" not in form and '<span class="helptext"' not in form
    assert '<div class="help" id="id_password1_helptext"><ul>' in form
    assert 'aria-describedby="id_password1_helptext"' in form
