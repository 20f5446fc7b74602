"""Account services: notifications, data export and deletion."""

from __future__ import annotations

from functools import partial

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import Notification, NotificationSettings, User


def notification_settings_for(user: User) -> NotificationSettings:
    return NotificationSettings.objects.get_or_create(user=user)[0]


@transaction.atomic
def notification_create(
    *, user: User, kind: str, message: str, url: str = ""
) -> Notification:
    """Add a line to the person's notification list and queue its email after commit.

    People who chose the daily digest get it from `send_daily_digests` instead; people who
    switched the kind off only see it in the portal.
    """
    from .tasks import send_notification_email

    notification = Notification.objects.create(
        user=user, kind=kind, message=message[:300], url=url
    )
    prefs = notification_settings_for(user)
    if prefs.wants_email(kind) and not prefs.daily_digest:
        transaction.on_commit(
            partial(send_notification_email.enqueue, notification_id=notification.pk)
        )
    return notification


def notifications_mark_read(*, user: User) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def account_export(*, user: User) -> dict:
    """Everything we store about `user`, as JSON-ready data (Art. 15/20 GDPR)."""
    from allauth.account.models import EmailAddress

    from quartier.participation.models import (
        Comment,
        Idea,
        PollResponse,
        Report,
        Support,
    )

    prefs = notification_settings_for(user)
    return {
        "account": {
            "email": user.email,
            "display_name": user.display_name,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "email_addresses": [
                {"email": e.email, "verified": e.verified, "primary": e.primary}
                for e in EmailAddress.objects.filter(user=user)
            ],
        },
        "notification_settings": {
            field.name: getattr(prefs, field.name)
            for field in NotificationSettings._meta.fields
            if field.name not in {"id", "user"}
        },
        "ideas": [
            {
                "id": idea.pk,
                "quarter": idea.quarter.slug,
                "title": idea.title,
                "description": idea.description,
                "place": idea.place,
                "longitude": idea.longitude,
                "latitude": idea.latitude,
                "status": idea.status,
                "created_at": idea.created_at.isoformat(),
            }
            for idea in Idea.objects.filter(author=user).select_related("quarter")
        ],
        "comments": [
            {
                "id": comment.pk,
                "idea": comment.idea_id,
                "body": comment.body,
                "created_at": comment.created_at.isoformat(),
                "deleted": comment.is_deleted,
            }
            for comment in Comment.objects.filter(author=user)
        ],
        "supports": list(
            Support.objects.filter(user=user).values_list("idea_id", flat=True)
        ),
        "reports": [
            {"idea": r.idea_id, "comment": r.comment_id, "reason": r.reason}
            for r in Report.objects.filter(reporter=user)
        ],
        "poll_responses": list(
            PollResponse.objects.filter(user=user).values_list("poll_id", flat=True)
        ),
        "notifications": [
            {
                "kind": n.kind,
                "message": n.message,
                "created_at": n.created_at.isoformat(),
            }
            for n in Notification.objects.filter(user=user)
        ],
    }


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Delete the account; ideas and comments stay and show "gelöschtes Konto".

    Supports go with the account, so the counters of the ideas it supported drop by one.
    """
    from quartier.participation.models import Idea, Support

    supported = list(
        Support.objects.filter(user=user).values_list("idea_id", flat=True)
    )
    Idea.objects.filter(pk__in=supported).update(support_count=F("support_count") - 1)
    user.delete()
