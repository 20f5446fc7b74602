"""Account services: role groups, notifications, data export and deletion."""

from __future__ import annotations

from functools import partial

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone

from quartier.quarters.models import Office
from quartier.quarters.permissions import (
    CITY_EDITORS,
    MODERATORS,
    QUARTER_TEAM,
    role_permissions,
)

from .models import Notification, NotificationSettings, User
from .personal_data import ACCOUNT_RELEASES, holdings_export, verified_emails
from .tasks import send_notification_email


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
    """Everything the portal holds about `user`, as JSON-ready data (Art. 15/20 GDPR).

    The account itself, then one section per entry of `personal_data.HOLDINGS`: rows the
    person wrote, is linked to, or that carry one of their verified addresses.
    """
    return {
        "account": {
            "id": user.pk,
            "email": user.email,
            "display_name": user.display_name,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        **holdings_export(user=user),
    }


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Delete the account and the personal data that would otherwise outlive it.

    What happens to each kind of row is listed in `personal_data.HOLDINGS`: registrations
    are cancelled (the waitlist moves up), fund applications withdrawn or closed with
    their personal data removed (payment records kept only for the fund's retention),
    listings and messages that carry the person's address removed; ideas, comments and
    conversations stay for the others and show "gelöschtes Konto". Supports go with the
    account, so the counters of the ideas it supported drop by one.
    """
    user = User.objects.select_for_update().get(pk=user.pk)
    emails = verified_emails(user)
    # Events, funds, community, participation and cms register theirs (AppConfig.ready).
    for release in ACCOUNT_RELEASES:
        release(user=user, emails=emails)
    Office.objects.filter(email__in=emails).update(email="")
    user.delete()


@transaction.atomic
def roles_ensure() -> None:
    """Create the city-wide role groups and grant every role its permissions; idempotent.

    The model permissions come from each app's `ROLE_GRANTS` (see `role_permissions`);
    existing quarter teams get theirs again, so an app added later reaches old teams.
    City editors also get page rights on the root and media rights on every collection.
    """
    from wagtail.models import (
        Collection,
        GroupCollectionPermission,
        GroupPagePermission,
        Page,
    )

    editors, _ = Group.objects.get_or_create(name=CITY_EDITORS)
    editors.permissions.add(*role_permissions(CITY_EDITORS))
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
    moderators.permissions.add(*role_permissions(MODERATORS))
    team_permissions = role_permissions(QUARTER_TEAM)
    for team in Group.objects.filter(managed_quarter__isnull=False):
        team.permissions.add(*team_permissions)
