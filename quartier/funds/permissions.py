"""Who may do what with fund applications. No permission means 404 (house style §2)."""

import rules
from django.http import Http404
from django.shortcuts import get_object_or_404

from quartier.quarters.permissions import (
    CITY_EDITORS,
    QUARTER_TEAM,
    is_city_editor,
    is_quarter_team_member,
)

from .models import EDITABLE_STATES, Fund, FundApplication, Status

# Model permissions of each role in this app, collected by `role_permissions`
# (roles_ensure, quarter_create). QuarterScopedPermissionPolicy narrows a team's to its quarter.
ROLE_GRANTS = {
    CITY_EDITORS: [
        "funds.add_fund",
        "funds.change_fund",
        "funds.delete_fund",
        "funds.add_fundround",
        "funds.change_fundround",
        "funds.delete_fundround",
        "funds.add_jurymember",
        "funds.change_jurymember",
        "funds.delete_jurymember",
    ],
    QUARTER_TEAM: [
        "funds.change_fund",
        "funds.add_fundround",
        "funds.change_fundround",
        "funds.delete_fundround",
        "funds.add_jurymember",
        "funds.change_jurymember",
        "funds.delete_jurymember",
    ],
}


def _fund(obj):
    return getattr(obj, "fund", obj)


def _jury_member(user, fund):
    """The user's JuryMember row for `fund`, cached on the user for the request."""
    if not user or not user.is_authenticated:
        return None
    cache = getattr(user, "_fund_jury", None)
    if cache is None:
        cache = user._fund_jury = {}  # setattr reaches through SimpleLazyObject
    if fund.pk not in cache:
        cache[fund.pk] = fund.jury.filter(user=user).first()
    return cache[fund.pk]


@rules.predicate
def is_applicant(user, application) -> bool:
    return bool(
        user
        and user.is_authenticated
        and application is not None
        and application.applicant_id == user.pk
    )


@rules.predicate
def is_fund_team(user, obj) -> bool:
    """Team of the fund's quarter (obj: a Fund or anything with .fund)."""
    fund = _fund(obj)
    return fund is not None and is_quarter_team_member(user, fund.quarter)


@rules.predicate
def is_jury_member(user, obj) -> bool:
    fund = _fund(obj)
    return fund is not None and _jury_member(user, fund) is not None


@rules.predicate
def has_conflict(user, application) -> bool:
    member = _jury_member(user, application.fund)
    return member is not None and any(
        c.member_id == member.pk for c in application.conflicts.all()
    )


# The jury sees an application once the team has put it on the agenda, not before.
JURY_STATES = (
    Status.READY,
    Status.APPROVED,
    Status.REJECTED,
    Status.LETTER_SENT,
    Status.PAID,
    Status.PROOF_SUBMITTED,
    Status.PROOF_CHECKED,
    Status.CLOSED,
)


@rules.predicate
def is_on_jury_agenda(user, application) -> bool:
    return application.status in JURY_STATES


@rules.predicate
def is_editable(user, application) -> bool:
    return application.status in EDITABLE_STATES


@rules.predicate
def is_ready(user, application) -> bool:
    return application.status == Status.READY


@rules.predicate
def awaits_proof(user, application) -> bool:
    return application.status == Status.PAID


is_fund_staff = is_city_editor | is_fund_team

rules.add_perm("funds.manage_fund", is_fund_staff)
rules.add_perm("funds.view_jury", is_fund_staff | is_jury_member)
rules.add_perm(
    "funds.view_application",
    is_applicant | is_fund_staff | (is_jury_member & is_on_jury_agenda),
)
rules.add_perm("funds.change_application", is_applicant & is_editable)
rules.add_perm("funds.act_as_applicant", is_applicant)
rules.add_perm("funds.submit_proof", is_applicant & awaits_proof)
rules.add_perm("funds.manage_application", is_fund_staff)
# The jury sees what it needs to decide, not the applicant's address or bank details.
rules.add_perm("funds.view_personal_data", is_applicant | is_fund_staff)
rules.add_perm("funds.declare_conflict", is_jury_member & is_ready & ~has_conflict)
rules.add_perm("funds.vote_application", is_jury_member & is_ready & ~has_conflict)


def get_application_for_user(user, pk, perm="funds.view_application"):
    qs = FundApplication.objects.select_related("fund__quarter").prefetch_related(
        "conflicts"
    )
    application = get_object_or_404(qs, pk=pk)
    if not user.has_perm(perm, application):
        raise Http404
    return application


def get_fund_for_user(user, slug, perm="funds.manage_fund"):

    fund = get_object_or_404(Fund.objects.select_related("quarter"), slug=slug)
    if not user.has_perm(perm, fund):
        raise Http404
    return fund
