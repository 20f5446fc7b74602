"""Who may see and edit measures. Built on the quarter predicates."""

import rules
from django.http import Http404
from django.shortcuts import get_object_or_404

from quartier.quarters.models import Quarter
from quartier.quarters.permissions import CITY_EDITORS, QUARTER_TEAM, can_manage_quarter

from .models import Measure

# Model permissions of each role in this app, collected by `role_permissions`
# (roles_ensure, quarter_create). QuarterScopedPermissionPolicy narrows a team's to its quarter.
ROLE_GRANTS = {
    CITY_EDITORS: [
        "measures.add_measure",
        "measures.change_measure",
        "measures.delete_measure",
        "measures.add_actionfield",
        "measures.change_actionfield",
        "measures.delete_actionfield",
        "measures.add_address",
        "measures.change_address",
        "measures.delete_address",
    ],
    QUARTER_TEAM: [
        "measures.add_measure",
        "measures.change_measure",
        "measures.delete_measure",
        "measures.add_actionfield",
        "measures.change_actionfield",
        "measures.delete_actionfield",
    ],
}


@rules.predicate
def is_public_measure(user, measure) -> bool:
    # Model-level checks (the admin menu) pass no object.
    if measure is None:
        return False
    return measure.is_published and measure.quarter.status != Quarter.Status.PLANNED


rules.add_perm("measures.view_measure", is_public_measure | can_manage_quarter)
rules.add_perm("measures.view_history", can_manage_quarter)


def get_measure_for_user(user, pk, perm="measures.view_measure"):
    """The measure, or 404: a 403 would tell strangers an unpublished measure exists."""

    measure = get_object_or_404(
        Measure.objects.select_related("quarter", "image_before", "image_after"), pk=pk
    )
    if not rules.has_perm(perm, user, measure):
        raise Http404
    return measure


def get_quarter_for_user(user, slug):
    """A public quarter, or one `user` manages (its draft plan), or 404."""
    quarter = get_object_or_404(Quarter, slug=slug)
    if quarter.status == Quarter.Status.PLANNED and not can_manage_quarter(
        user, quarter
    ):
        raise Http404
    return quarter
