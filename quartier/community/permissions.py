"""Who may do what in the community app. Composed from the quarters predicates."""

from __future__ import annotations

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
    is_moderator,
)

from .models import Conversation, HelpPost, Membership, Organisation, Vacancy

# Model permissions of each role in this app, collected by `role_permissions`
# (roles_ensure, quarter_create). QuarterScopedPermissionPolicy narrows a team's to its quarter.
ROLE_GRANTS = {
    CITY_EDITORS: [
        "community.add_organisation",
        "community.change_organisation",
        "community.delete_organisation",
        "community.add_opportunity",
        "community.change_opportunity",
        "community.delete_opportunity",
        "community.add_vacancy",
        "community.change_vacancy",
        "community.delete_vacancy",
        "community.add_commercialstock",
        "community.change_commercialstock",
        "community.add_language",
        "community.change_language",
        "community.add_targetgroup",
        "community.change_targetgroup",
    ],
    QUARTER_TEAM: [
        "community.add_organisation",
        "community.change_organisation",
        "community.add_opportunity",
        "community.change_opportunity",
        "community.delete_opportunity",
        "community.add_vacancy",
        "community.change_vacancy",
        "community.add_commercialstock",
        "community.change_commercialstock",
    ],
}


@rules.predicate
def is_organisation_member(user, organisation) -> bool:
    if not user or not user.is_authenticated or organisation is None:
        return False
    return (
        Membership.objects.verified()
        .filter(user=user, organisation=organisation)
        .exists()
    )


@rules.predicate
def is_team_of_organisation(user, organisation) -> bool:
    """The team of any quarter the organisation serves."""
    if not user or not user.is_authenticated or organisation is None:
        return False
    groups = _group_ids(user)
    return bool(groups) and organisation.quarters.filter(team__in=groups).exists()


@rules.predicate
def is_team_of_claim(user, membership) -> bool:
    if membership is None:
        return False
    return is_team_of_organisation(user, membership.organisation)


@rules.predicate
def is_author(user, post) -> bool:
    return bool(
        user
        and user.is_authenticated
        and post is not None
        and post.author_id == user.pk
    )


@rules.predicate
def is_team_of_quarter_object(user, obj) -> bool:
    if obj is None:
        return False
    groups = _group_ids(user) if user and user.is_authenticated else set()
    return obj.quarter.team_id is not None and obj.quarter.team_id in groups


is_staff_member = is_city_editor | is_in_any_team
can_manage_organisation = (
    is_city_editor | is_team_of_organisation | is_organisation_member
)
can_moderate = is_moderator | is_city_editor

# Not "change_organisation": that name is the model permission the admin checks.
rules.add_perm("community.manage_organisation", can_manage_organisation)
rules.add_perm("community.claim_organisation", is_verified)
rules.add_perm("community.verify_membership", is_city_editor | is_team_of_claim)
rules.add_perm("community.message_organisation", is_verified)
rules.add_perm("community.post_help", is_verified)
rules.add_perm("community.submit_vacancy", is_verified)
rules.add_perm("community.reply_helppost", is_verified & ~is_author)
rules.add_perm("community.report_helppost", is_verified & ~is_author)
rules.add_perm("community.close_helppost", is_author | can_moderate)
rules.add_perm("community.moderate_helppost", can_moderate)
rules.add_perm("community.express_interest", is_verified)
rules.add_perm("community.export_community", is_staff_member)
rules.add_perm("community.view_vacancy_history", is_staff_member)
rules.add_perm("community.manage_vacancy", is_city_editor | is_team_of_quarter_object)


def get_organisation_for_user(user, slug: str, perm: str | None = None):
    qs = Organisation.objects.for_list().prefetch_related("opportunities")
    organisation = get_object_or_404(qs, slug=slug)
    if not organisation.is_published and not can_manage_organisation(
        user, organisation
    ):
        raise Http404
    if perm and not user.has_perm(perm, organisation):
        raise Http404
    return organisation


def get_help_post_for_user(user, pk: int, perm: str | None = None) -> HelpPost:
    post = get_object_or_404(HelpPost.objects.for_list(), pk=pk)
    if not post.is_visible and not (is_author(user, post) or can_moderate(user)):
        raise Http404
    if perm and not user.has_perm(perm, post):
        raise Http404
    return post


def get_vacancy_for_user(user, pk: int) -> Vacancy:
    vacancy = get_object_or_404(
        Vacancy.objects.for_list().prefetch_related("more_photos__image"), pk=pk
    )
    listed = vacancy.is_published and vacancy.status in (
        Vacancy.Status.AVAILABLE,
        Vacancy.Status.RESERVED,
    )
    if not listed and not user.has_perm("community.manage_vacancy", vacancy):
        raise Http404
    return vacancy


def is_participant(user, conversation: Conversation) -> bool:
    if not user or not user.is_authenticated:
        return False
    if user.pk in (conversation.starter_id, conversation.recipient_id):
        return True
    return conversation.organisation_id is not None and is_organisation_member(
        user, conversation.organisation
    )


def get_conversation_for_user(user, pk: int) -> Conversation:
    conversation = get_object_or_404(
        Conversation.objects.select_related(
            "organisation", "help_post", "opportunity", "starter", "recipient"
        ),
        pk=pk,
    )
    if not is_participant(user, conversation):
        raise Http404
    return conversation
