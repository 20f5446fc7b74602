from io import StringIO

import pytest
from django.urls import reverse

from quartier.accounts.models import NotificationSettings
from quartier.accounts.services import notification_create
from quartier.accounts.tasks import send_daily_digests, unsubscribe_url


@pytest.mark.django_db
def test_digest_readers_get_one_mail_a_day(
    resident, mailoutbox, django_capture_on_commit_callbacks
):
    NotificationSettings.objects.create(user=resident, daily_digest=True)
    with django_capture_on_commit_callbacks(execute=True):
        notification_create(user=resident, kind="reply", message="Eins")
        notification_create(user=resident, kind="status", message="Zwei")
    assert mailoutbox == []
    send_daily_digests.call()
    assert len(mailoutbox) == 1
    assert "Eins" in mailoutbox[0].body and "Zwei" in mailoutbox[0].body
    send_daily_digests.call()
    assert len(mailoutbox) == 1  # nothing twice


@pytest.mark.django_db
def test_one_click_unsubscribe(client, resident, settings):
    settings.SITE_URL = ""
    url = unsubscribe_url(resident.pk, "reply")
    assert client.get(url).status_code == 200
    client.post(url)  # no session, no CSRF token: mail clients post like this
    assert not NotificationSettings.objects.get(user=resident).email_reply


@pytest.mark.django_db
def test_forged_unsubscribe_token_is_404(client):
    assert client.get(reverse("accounts:unsubscribe", args=["nope"])).status_code == 404


@pytest.mark.django_db
def test_login_is_rate_limited(client, resident):
    url = reverse("account_login")
    for _ in range(5):
        client.post(url, {"login": resident.email, "password": "falsch"})
    response = client.post(
        url, {"login": resident.email, "password": "correct horse battery staple"}
    )
    assert "_auth_user_id" not in client.session
    # allauth answers the locked-out login with its form again, the lockout as error.
    assert response.status_code == 200
    [error] = response.context["form"].errors["__all__"]
    assert "Zu viele gescheiterte Anmeldeversuche" in error


@pytest.mark.django_db
def test_digest_command_sends_pending(resident, mailoutbox):
    from django.core.management import call_command

    NotificationSettings.objects.create(user=resident, daily_digest=True)
    notification_create(user=resident, kind="reply", message="Neu für den Tag")
    call_command("send_daily_digests", stdout=StringIO())
    assert [m.to for m in mailoutbox] == [[resident.email]]
