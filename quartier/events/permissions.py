"""Who may see, manage and review events; composed from the quarters' predicates."""

import rules
from django.http import Http404
from django.shortcuts import get_object_or_404

from quartier.accounts.permissions import is_verified
from quartier.quarters.permissions import (
    CITY_EDITORS,
    QUARTER_TEAM,
    _group_ids,
    is_city_editor,
    is_in_any_team,
)

from .models import Event

# Model permissions of each role in this app, collected by `role_permissions`
# (roles_ensure, quarter_create). QuarterScopedPermissionPolicy narrows a team's to its quarter.
ROLE_GRANTS = {
    CITY_EDITORS: [
        "events.add_event",
        "events.change_event",
        "events.delete_event",
        "events.view_venue",
        "events.add_venue",
        "events.change_venue",
        "events.delete_venue",
    ],
    QUARTER_TEAM: [
        "events.add_event",
        "events.change_event",
        "events.delete_event",
        "events.view_venue",
        "events.add_venue",
        "events.change_venue",
    ],
}


@rules.predicate
def is_event_team(user, event) -> bool:
    """In the team of one of the event's quarters (uses prefetched quarters)."""
    if not user or not user.is_authenticated or event is None:
        return False
    groups = _group_ids(user)
    return any(q.team_id in groups for q in event.quarters.all() if q.team_id)


@rules.predicate
def is_event_organiser(user, event) -> bool:
    """The submitter, or a verified member of the organising organisation."""
    if not user or not user.is_authenticated or event is None:
        return False
    if event.submitted_by_id == user.pk:
        return True
    if not event.organisation_id:
        return False
    return event.organisation.memberships.filter(
        user=user, verified_at__isnull=False
    ).exists()


@rules.predicate
def is_verified_organisation_member(user) -> bool:
    if not user or not user.is_authenticated:
        return False
    return user.memberships.filter(verified_at__isnull=False).exists()


@rules.predicate
def is_public_event(user, event) -> bool:
    return event is not None and event.is_public


can_manage_event = is_city_editor | is_event_team

rules.add_perm(
    "events.view_event", is_public_event | can_manage_event | is_event_organiser
)
rules.add_perm("events.manage_event", can_manage_event)
rules.add_perm("events.view_registrations", can_manage_event | is_event_organiser)
rules.add_perm("events.edit_submission", is_event_organiser & ~is_public_event)
rules.add_perm("events.submit_event", is_verified & is_verified_organisation_member)
rules.add_perm("events.review_event", is_city_editor | is_in_any_team)
rules.add_perm("events.import_events", is_city_editor | is_in_any_team)


def get_event_for_user(user, pk: int, perm: str = "events.view_event") -> Event:
    """The event, if `user` holds `perm` on it; 404 otherwise (a 403 would leak drafts)."""
    event = get_object_or_404(
        Event.objects.select_related(
            "venue", "organisation", "image", "measure"
        ).prefetch_related("quarters"),
        pk=pk,
    )
    if not user.has_perm(perm, event):
        raise Http404
    return event
