from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from .models import Notification

UNSUBSCRIBE_SALT = "quartier.accounts.unsubscribe"


def unsubscribe_url(user_id: int, kind: str) -> str:
    token = signing.dumps({"u": user_id, "k": kind}, salt=UNSUBSCRIBE_SALT)
    return settings.SITE_URL + reverse("accounts:unsubscribe", args=[token])


def _send(user, subject: str, lines: list[str], kind: str) -> None:
    url = unsubscribe_url(user.pk, kind)
    body = "\n\n".join([*lines, _("Diese E-Mails abbestellen: %(url)s") % {"url": url}])
    EmailMessage(
        subject=subject,
        body=body,
        to=[user.email],
        # RFC 8058: mail clients offer a one-click unsubscribe button.
        headers={
            "List-Unsubscribe": f"<{url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    ).send()


@task()
def send_notification_email(notification_id: int) -> None:

    notification = (
        Notification.objects.select_related("user").filter(pk=notification_id).first()
    )
    if notification is None or notification.emailed_at:
        return
    with translation.override(settings.LANGUAGE_CODE):
        lines = [notification.message]
        if notification.url:
            lines.append(settings.SITE_URL + notification.url)
        _send(
            notification.user,
            _("Quartier: %(message)s") % {"message": notification.message[:80]},
            lines,
            notification.kind,
        )
    Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())


@task()
def send_daily_digests() -> int:
    """One email per digest reader with every notification not yet emailed."""

    pending = (
        Notification.objects.filter(
            emailed_at__isnull=True, user__notification_settings__daily_digest=True
        )
        .select_related("user", "user__notification_settings")
        .order_by("user_id", "created_at")
    )
    by_user: dict = {}
    for notification in pending:
        prefs = notification.user.notification_settings
        if prefs.wants_email(notification.kind):
            by_user.setdefault(notification.user, []).append(notification)
    with translation.override(settings.LANGUAGE_CODE):
        for user, items in by_user.items():
            lines = [
                f"- {n.message}" + (f"\n  {settings.SITE_URL}{n.url}" if n.url else "")
                for n in items
            ]
            _send(user, _("Quartier: Ihre Neuigkeiten des Tages"), lines, "digest")
    Notification.objects.filter(
        pk__in=[n.pk for items in by_user.values() for n in items]
    ).update(emailed_at=timezone.now())
    return len(by_user)
