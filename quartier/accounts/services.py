"""Role groups every installation needs (quarter teams come from quarter_create)."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from quartier.quarters.permissions import CITY_EDITORS, MODERATORS

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
