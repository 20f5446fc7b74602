"""Account services: role groups, notifications, data export and deletion."""

from __future__ import annotations

from functools import partial

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from quartier.quarters.permissions import CITY_EDITORS, MODERATORS

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


# City editors manage every quarter: these model permissions, plus page rights on the root.
CITY_EDITOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("quarters", "add_quarter"),
    ("quarters", "change_quarter"),
    ("quarters", "add_office"),
    ("quarters", "change_office"),
    ("quarters", "delete_office"),
    ("quarters", "add_district"),
    ("quarters", "change_district"),
    ("quarters", "add_fundingprogramme"),
    ("quarters", "change_fundingprogramme"),
    ("quarters", "change_citysettings"),
    ("cms", "view_feedback"),
    ("cms", "change_feedback"),
    ("participation", "add_callforideas"),
    ("participation", "change_callforideas"),
    ("participation", "add_poll"),
    ("participation", "change_poll"),
    ("participation", "add_category"),
    ("participation", "change_category"),
    ("participation", "add_quarterparticipationsettings"),
    ("participation", "change_quarterparticipationsettings"),
    # Sozialmonitoring: the city's statisticians work in the Stadtredaktion.
    ("monitoring", "add_area"),
    ("monitoring", "change_area"),
    ("monitoring", "add_indicator"),
    ("monitoring", "change_indicator"),
    ("monitoring", "add_indexscheme"),
    ("monitoring", "change_indexscheme"),
]
MODERATOR_PERMISSIONS = [("wagtailadmin", "access_admin")]


def _grant(group: Group, pairs) -> None:
    group.permissions.add(
        *[
            Permission.objects.get(content_type__app_label=app, codename=code)
            for app, code in pairs
        ]
    )


@transaction.atomic
def roles_ensure() -> None:
    """Create the city-wide role groups with their permissions; safe to run again."""
    from wagtail.models import (
        Collection,
        GroupCollectionPermission,
        GroupPagePermission,
        Page,
    )

    editors, _ = Group.objects.get_or_create(name=CITY_EDITORS)
    _grant(editors, CITY_EDITOR_PERMISSIONS)
    root = Page.get_first_root_node()
    for codename in [
        "add_page",
        "change_page",
        "publish_page",
        "bulk_delete_page",
        "lock_page",
        "unlock_page",
    ]:
        GroupPagePermission.objects.get_or_create(
            group=editors,
            page=root,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    collection = Collection.get_first_root_node()
    for app, codename in [
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"),
    ]:
        GroupCollectionPermission.objects.get_or_create(
            group=editors,
            collection=collection,
            permission=Permission.objects.get(
                content_type__app_label=app, codename=codename
            ),
        )
    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    _grant(moderators, MODERATOR_PERMISSIONS)
