"""Demo roles: one account per role, all fictional, one shared demo password."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group, Permission

from quartier.quarters.models import Quarter
from quartier.quarters.permissions import CITY_EDITORS, MODERATORS

from .models import User

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
]
MODERATOR_PERMISSIONS = [("wagtailadmin", "access_admin")]


def _grant(group: Group, pairs) -> None:
    group.permissions.add(
        *[
            Permission.objects.get(content_type__app_label=app, codename=code)
            for app, code in pairs
        ]
    )


def seed_groups() -> None:
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


def _account(
    email: str, password: str, display_name: str, *, groups=(), superuser: bool = False
) -> tuple[User, bool]:
    user = User.objects.filter(email=email).first()
    created = user is None
    if created:
        factory = (
            User.objects.create_superuser if superuser else User.objects.create_user
        )
        user = factory(email=email, password=password, display_name=display_name)
        user.groups.add(*groups)
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
    return user, created


def seed(password: str) -> list[tuple[str, str]]:
    """Create the demo accounts; returns (role, email) for the login table."""
    seed_groups()
    accounts = [
        ("Administration (alle Rechte)", "admin@quartier.example", "Admin", (), True),
        (
            "Stadtredaktion",
            "redaktion@quartier.example",
            "Stadtredaktion",
            (Group.objects.get(name=CITY_EDITORS),),
            False,
        ),
        (
            "Moderation",
            "moderation@quartier.example",
            "Moderation",
            (Group.objects.get(name=MODERATORS),),
            False,
        ),
        (
            "Bewohnerin (Erika Mustermann)",
            "erika@quartier.example",
            "Erika M.",
            (),
            False,
        ),
    ]
    for quarter in Quarter.objects.exclude(team=None).select_related("team"):
        accounts.append(
            (
                f"Quartiersteam {quarter.short_name}",
                f"team-{quarter.slug}@quartier.example",
                f"Team {quarter.short_name}",
                (quarter.team,),
                False,
            )
        )
    for _role, email, name, groups, superuser in accounts:
        _account(email, password, name, groups=groups, superuser=superuser)
    return [(role, email) for role, email, *_ in accounts]
