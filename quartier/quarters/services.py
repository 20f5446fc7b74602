"""Creating a quarter with everything a quarter team needs to work in the admin."""

from collections.abc import Callable

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
)

from quartier.core.geo import clean_area

from .models import Quarter
from .permissions import QUARTER_TEAM, TEAM_GROUP_PREFIX, role_permissions

TEAM_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
]
TEAM_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]


# The page tree belongs to `cms`, which sits above `quarters` (ARCHITECTURE.md,
# "Imports"): it registers the maker of a quarter's page here from `AppConfig.ready()`.
QUARTER_PAGE_MAKERS: list[Callable[..., object]] = []


def make_page_on_quarter_create(maker: Callable[..., object]) -> None:
    """Have `quarter_create` call `maker(quarter=…, teaser=…, intro=…, publish=…)`."""
    if maker not in QUARTER_PAGE_MAKERS:
        QUARTER_PAGE_MAKERS.append(maker)


def _permissions(pairs):
    return [
        Permission.objects.get(content_type__app_label=app, codename=codename)
        for app, codename in pairs
    ]


@transaction.atomic
def quarter_create(
    *, quarter: Quarter, teaser: str = "", intro: str = "", publish: bool = True
) -> Quarter:
    """Save a new quarter with its team group, media collection and "Mehr erfahren" page.

    The team gets page permissions on the quarter's page subtree (in every language),
    its collection, and the model permissions of every app's ROLE_GRANTS for teams. The
    page comes from `cms` (registered with `make_page_on_quarter_create`), which raises
    if no QuarterIndexPage exists.
    """
    quarter.boundary = clean_area(quarter.boundary)
    quarter.save()
    team, _ = Group.objects.get_or_create(
        name=f"{TEAM_GROUP_PREFIX}{quarter.short_name}"
    )
    team.permissions.add(*role_permissions(QUARTER_TEAM))
    root_collection = Collection.get_first_root_node()
    collection = root_collection.add_child(name=quarter.name)
    quarter.team, quarter.collection = team, collection
    quarter.save(update_fields=["team", "collection"])

    for make_page in QUARTER_PAGE_MAKERS:
        make_page(quarter=quarter, teaser=teaser, intro=intro, publish=publish)
    quarter_grant_team_permissions(quarter=quarter)
    return quarter


@transaction.atomic
def quarter_grant_team_permissions(*, quarter: Quarter) -> None:
    """(Re)grant the team's page and collection permissions, e.g. after translating the page."""
    for page in quarter.pages.all():
        for codename in TEAM_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=quarter.team,
                page=page,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
    for permission in _permissions(TEAM_COLLECTION_PERMISSIONS):
        GroupCollectionPermission.objects.get_or_create(
            group=quarter.team, collection=quarter.collection, permission=permission
        )
