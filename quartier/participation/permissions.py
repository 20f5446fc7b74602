"""Who may do what in participation: composed from the quarter predicates."""

from __future__ import annotations

import rules
from django.http import Http404
from django.shortcuts import get_object_or_404

from quartier.accounts.permissions import is_verified
from quartier.quarters.permissions import (
    CITY_EDITORS,
    QUARTER_TEAM,
    is_city_editor,
    is_moderator,
    is_quarter_team_member,
)

from .models import Comment, Idea, Visibility

# Model permissions of each role in this app, collected by `role_permissions`
# (roles_ensure, quarter_create). QuarterScopedPermissionPolicy narrows a team's to its quarter.
ROLE_GRANTS = {
    CITY_EDITORS: [
        "participation.add_callforideas",
        "participation.change_callforideas",
        "participation.delete_callforideas",
        "participation.add_poll",
        "participation.change_poll",
        "participation.delete_poll",
        "participation.add_category",
        "participation.change_category",
        "participation.delete_category",
        "participation.add_quarterparticipationsettings",
        "participation.change_quarterparticipationsettings",
    ],
    QUARTER_TEAM: [
        "participation.add_callforideas",
        "participation.change_callforideas",
        "participation.delete_callforideas",
        "participation.add_poll",
        "participation.change_poll",
        "participation.delete_poll",
        "participation.add_category",
        "participation.change_category",
        "participation.delete_category",
        "participation.add_quarterparticipationsettings",
        "participation.change_quarterparticipationsettings",
    ],
}


@rules.predicate
def is_author(user, obj) -> bool:
    return bool(
        user and user.is_authenticated and obj is not None and obj.author_id == user.pk
    )


@rules.predicate
def is_visible(user, obj) -> bool:
    return obj is not None and obj.visibility == Visibility.VISIBLE


@rules.predicate
def is_idea_visible(user, obj) -> bool:
    """For comments: the idea they belong to is public."""
    if obj is None:
        return False
    idea = obj.idea if isinstance(obj, Comment) else obj
    return idea is not None and idea.visibility == Visibility.VISIBLE


@rules.predicate
def comment_in_edit_window(user, comment) -> bool:
    return comment is not None and comment.can_still_edit()


@rules.predicate
def is_top_level(user, comment) -> bool:
    return comment is not None and comment.parent_id is None


# City editors and the quarter's team answer officially; moderators moderate everywhere,
# a team only in its own quarter.
can_answer = is_city_editor | is_quarter_team_member
can_moderate = is_moderator | is_city_editor | is_quarter_team_member
can_see_everything = can_moderate

rules.add_perm("participation.view_idea", is_visible | is_author | can_see_everything)
rules.add_perm("participation.add_idea_image", is_author & is_verified)
rules.add_perm("participation.add_idea", is_verified)
rules.add_perm("participation.support_idea", is_verified & is_visible)
rules.add_perm("participation.add_comment", is_verified & is_visible)
rules.add_perm(
    "participation.reply_comment",
    is_verified & is_visible & is_top_level & is_idea_visible,
)
rules.add_perm(
    "participation.change_comment", is_author & comment_in_edit_window & is_verified
)
rules.add_perm("participation.delete_comment", is_author)
rules.add_perm("participation.report", is_verified)
rules.add_perm("participation.answer_idea", can_answer)
rules.add_perm("participation.moderate", can_moderate)
rules.add_perm("participation.moderate_any", is_moderator | is_city_editor)
rules.add_perm("participation.manage_quarter", can_answer)


def get_idea_for_user(user, pk: int, perm: str = "participation.view_idea") -> Idea:
    """The idea, or 404: a hidden idea must not reveal that it exists."""
    idea = get_object_or_404(
        Idea.objects.select_related("quarter", "category", "author", "call"), pk=pk
    )
    if not user.has_perm(perm, idea):
        raise Http404
    return idea


def get_comment_for_user(user, pk: int, perm: str) -> Comment:
    comment = get_object_or_404(
        Comment.objects.select_related("idea__quarter", "author"), pk=pk
    )
    if not user.has_perm("participation.view_idea", comment.idea) or not user.has_perm(
        perm, comment
    ):
        raise Http404
    return comment
