"""Reports by residents and the moderation queue of moderators and teams."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from quartier.quarters.models import Quarter

from .. import services
from ..forms import (
    ModerationForm,
    ReportForm,
    add_service_error,
)
from ..models import (
    Comment,
    Idea,
    ModerationAction,
    Report,
)
from ..permissions import get_comment_for_user, get_idea_for_user


def _target(request, kind: str, pk: int) -> Idea | Comment:
    if kind == "idee":
        return get_idea_for_user(request.user, pk)
    if kind == "kommentar":
        comment = get_comment_for_user(request.user, pk, perm="participation.view_idea")
        return comment
    raise Http404


@login_required
def report_create(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    item = _target(request, kind, pk)
    if not request.user.has_perm("participation.report", item):
        return render(request, "participation/verify_first.html", status=403)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        target = {"idea": item} if isinstance(item, Idea) else {"comment": item}
        try:
            services.report_create(
                reporter=request.user, reason=form.cleaned_data["reason"], **target
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request, _("Danke für Ihre Meldung. Die Moderation sieht sie sich an.")
            )
            return redirect(item.get_absolute_url())
    return render(
        request, "participation/report_form.html", {"form": form, "item": item}
    )


def _moderation_scope(user):
    """Moderators and city editors see every quarter; a team only its own."""
    if user.has_perm("participation.moderate_any"):
        return Quarter.objects.all()
    return Quarter.objects.filter(team__in=user.groups.all())


@login_required
def moderation_queue(request: HttpRequest) -> HttpResponse:
    quarters = _moderation_scope(request.user)
    if not quarters.exists():
        raise Http404
    ideas = Idea.objects.awaiting_moderation(quarters)
    comments = Comment.objects.awaiting_moderation(quarters)
    reports = Prefetch("reports", queryset=Report.objects.open().order_by("created_at"))
    history = ModerationAction.objects.in_quarters(quarters).select_related(
        "moderator", "idea", "comment__idea"
    )[:30]
    return render(
        request,
        "participation/moderation_queue.html",
        {
            "ideas": ideas.select_related("quarter", "author").prefetch_related(
                reports
            )[:100],
            "comments": comments.select_related(
                "idea__quarter", "author"
            ).prefetch_related(reports)[:100],
            "history": history,
            "form": ModerationForm(),
        },
    )


@require_POST
@login_required
def moderate(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    if kind == "idee":
        item = get_object_or_404(
            Idea.objects.select_related("quarter", "author"), pk=pk
        )
        scope = item
    elif kind == "kommentar":
        item = get_object_or_404(
            Comment.objects.select_related("idea__quarter", "author", "parent"), pk=pk
        )
        scope = item.idea
    else:
        raise Http404
    if not request.user.has_perm("participation.moderate", scope):
        raise Http404
    form = ModerationForm(request.POST)
    if form.is_valid():
        try:
            services.item_moderate(
                item=item,
                moderator=request.user,
                action=form.cleaned_data["action"],
                reason=form.cleaned_data["reason"],
                expected_version=form.cleaned_data["version"],
            )
        except services.ModerationConflict as conflict:
            latest = conflict.latest
            if latest:
                messages.warning(
                    request,
                    _(
                        "Nicht gespeichert: %(name)s hat diesen Beitrag inzwischen %(action)s (%(reason)s). Bitte prüfen Sie den neuen Stand."
                    )
                    % {
                        "name": latest.moderator.public_name
                        if latest.moderator
                        else _("jemand"),
                        "action": latest.get_action_display(),
                        "reason": latest.reason or "–",
                    },
                )
            else:
                messages.warning(
                    request,
                    _("Nicht gespeichert: Der Beitrag wurde inzwischen geändert."),
                )
        else:
            messages.success(request, _("Die Entscheidung ist gespeichert."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    if request.POST.get("weiter") == "beitrag":
        return redirect(item.get_absolute_url())
    return redirect("participation:moderation")
