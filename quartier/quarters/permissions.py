"""Who may do what with quarters. Other apps compose these predicates."""

import rules
from django.contrib.auth.models import Group
from wagtail.permission_policies import ModelPermissionPolicy

CITY_EDITORS = "Stadtredaktion"
MODERATORS = "Moderation"
TEAM_GROUP_PREFIX = "Quartiersteam "
QUARTER_TEAM = "team"  # the role of every "Quartiersteam <name>" group in ROLE_GRANTS

# Model permissions of each role in this app, collected by `role_permissions`
# (roles_ensure, quarter_create). QuarterScopedPermissionPolicy narrows a team's to its quarter.
ROLE_GRANTS = {
    CITY_EDITORS: [
        "wagtailadmin.access_admin",
        "quarters.add_quarter",
        "quarters.change_quarter",
        "quarters.add_office",
        "quarters.change_office",
        "quarters.delete_office",
        "quarters.add_district",
        "quarters.change_district",
        "quarters.add_fundingprogramme",
        "quarters.change_fundingprogramme",
        "quarters.change_citysettings",
    ],
    MODERATORS: [
        "wagtailadmin.access_admin",
    ],
    QUARTER_TEAM: [
        "wagtailadmin.access_admin",
        "quarters.change_quarter",
        "quarters.add_office",
        "quarters.change_office",
        "quarters.delete_office",
    ],
}


def role_permissions(role: str):
    """The Permission rows of `role` (CITY_EDITORS, MODERATORS or QUARTER_TEAM).

    Collects the ROLE_GRANTS of every app's permissions.py, so the grants of an app are
    declared once, beside its predicates, and a real installation gets the same as the demo.
    """
    from importlib import import_module
    from importlib.util import find_spec

    from django.apps import apps
    from django.contrib.auth.models import Permission
    from django.db.models import Q

    wanted = Q(pk__in=[])
    names = []
    for config in apps.get_app_configs():
        if not config.name.startswith("quartier.") or not find_spec(
            f"{config.name}.permissions"
        ):
            continue
        grants = getattr(import_module(f"{config.name}.permissions"), "ROLE_GRANTS", {})
        for name in grants.get(role, ()):
            app_label, codename = name.split(".")
            names.append(name)
            wanted |= Q(content_type__app_label=app_label, codename=codename)
    permissions = list(Permission.objects.filter(wanted))
    found = {f"{p.content_type.app_label}.{p.codename}" for p in permissions}
    if missing := sorted(set(names) - found):
        raise LookupError(f"Unknown permissions in ROLE_GRANTS: {missing}")
    return permissions


def _group_ids(user) -> set[int]:
    # Cached on the user object: predicates run many times per request.
    if not hasattr(user, "_quartier_group_ids"):
        user._quartier_group_ids = set(user.groups.values_list("pk", flat=True))
    return user._quartier_group_ids


def _group_names(user) -> set[str]:
    if not hasattr(user, "_quartier_group_names"):
        user._quartier_group_names = set(user.groups.values_list("name", flat=True))
    return user._quartier_group_names


@rules.predicate
def is_city_editor(user) -> bool:
    if not user or not user.is_authenticated:
        return False
    return user.is_superuser or CITY_EDITORS in _group_names(user)


@rules.predicate
def is_moderator(user) -> bool:
    return bool(user and user.is_authenticated and MODERATORS in _group_names(user))


@rules.predicate
def is_quarter_team_member(user, quarter) -> bool:
    """True if `user` belongs to the team of `quarter` (a Quarter or anything with .quarter)."""
    if not user or not user.is_authenticated or quarter is None:
        return False
    quarter = getattr(quarter, "quarter", quarter)
    return quarter.team_id is not None and quarter.team_id in _group_ids(user)


@rules.predicate
def is_in_any_team(user) -> bool:
    if not user or not user.is_authenticated:
        return False
    return Group.objects.filter(
        pk__in=_group_ids(user), managed_quarter__isnull=False
    ).exists()


can_manage_quarter = is_city_editor | is_quarter_team_member

rules.add_perm("quarters.manage_quarter", can_manage_quarter)


class QuarterScopedPermissionPolicy(ModelPermissionPolicy):
    """Wagtail permission policy: model permissions, narrowed to the user's quarters.

    City editors (and superusers) reach every row; a quarter team reaches the rows of
    the quarter it manages. `quarter_field` leads from the model to its Quarter
    ("" for Quarter itself).
    """

    def __init__(self, model, quarter_field: str = "quarter"):
        super().__init__(model)
        self.quarter_field = quarter_field

    def _quarter_of(self, instance):
        return getattr(instance, self.quarter_field) if self.quarter_field else instance

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and can_manage_quarter(
            user, self._quarter_of(instance)
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(
            self.user_has_permission_for_instance(user, a, instance) for a in actions
        )

    def instances_user_has_any_permission_for(self, user, actions):
        queryset = self.model._default_manager.all()
        if not self.user_has_any_permission(user, actions):
            return queryset.none()
        if is_city_editor(user):
            return queryset
        prefix = f"{self.quarter_field}__" if self.quarter_field else ""
        return queryset.filter(**{f"{prefix}team__in": user.groups.all()})
