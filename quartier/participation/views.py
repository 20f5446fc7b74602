from __future__ import annotations

import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from quartier.core.csv import Column, csv_response
from quartier.core.inputs import require_id
from quartier.quarters.models import Quarter

from . import services
from .forms import (
    CommentForm,
    FeedbackForm,
    IdeaFilterForm,
    IdeaForm,
    IdeaImageForm,
    ModerationForm,
    PollResponseForm,
    ReportForm,
)
from .maps import MAX_POINTS, ideas_map
from .models import (
    CallForIdeas,
    Comment,
    Idea,
    ModerationAction,
    Phase,
    Poll,
    PollAnswer,
    Report,
    Support,
    Visibility,
)
from .permissions import get_comment_for_user, get_idea_for_user

PAGE_SIZE = 20
DEVICE_COOKIE = "umfrage_geraet"


def _form_error(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


# --- Ideas -----------------------------------------------------------------


def idea_list(request: HttpRequest) -> HttpResponse:
    """All quarters, or one with `?quartier=`; filters and sorting by GET, htmx swaps."""
    form = IdeaFilterForm(request.GET)
    form.is_valid()  # every field is optional; invalid values are simply ignored
    quarter = form.cleaned_data.get("quartier")
    ideas = form.filter(Idea.objects.visible().for_list())
    page_obj = Paginator(ideas, PAGE_SIZE).get_page(request.GET.get("seite"))
    query = request.GET.copy()
    query.pop("seite", None)
    context = {
        "form": form,
        "page_obj": page_obj,
        "ideas": page_obj.object_list,
        "quarter": quarter,
        "query": query.urlencode(),
        "quarters": Quarter.objects.public(),
    }
    if quarter is not None:
        # The same filter as the list: one idea listed means one pin drawn.
        context["map"] = ideas_map(
            quarter,
            form.filter(Idea.objects.visible())
            .filter(longitude__isnull=False)
            .only("pk", "title", "longitude", "latitude")[:MAX_POINTS],
        )
    name = "participation/idea_list.html"
    if request.htmx and request.htmx.target == "idea-results":
        name += "#results"
    return render(request, name, context)


def idea_detail_context(idea: Idea, user, **forms) -> dict:
    supported = (
        user.is_authenticated and Support.objects.filter(idea=idea, user=user).exists()
    )
    history = []
    if user.has_perm("participation.moderate", idea):
        history = list(
            ModerationAction.objects.filter(idea=idea).select_related("moderator")
        )
    return {
        "idea": idea,
        "comments": Comment.objects.filter(idea=idea).threads(user),
        "supported": supported,
        "can_answer": user.has_perm("participation.answer_idea", idea),
        "can_moderate": user.has_perm("participation.moderate", idea),
        "can_post": user.has_perm("participation.add_comment", idea),
        "comment_form": forms.get("comment_form") or CommentForm(),
        "feedback_form": forms.get("feedback_form") or FeedbackForm(instance=idea),
        "history": history,
        "images": list(idea.images.all()),
        "measures": idea.measures.public(),
        "image_form": (
            forms.get("image_form") or IdeaImageForm()
            if user.has_perm("participation.add_idea_image", idea)
            else None
        ),
        "map": ideas_map(idea.quarter, [idea]) if idea.has_point else None,
    }


@require_POST
@login_required
def idea_image_add(request: HttpRequest, pk: int) -> HttpResponse:
    """The author adds another picture to their idea."""
    idea = get_idea_for_user(request.user, pk, perm="participation.add_idea_image")
    form = IdeaImageForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.idea_image_add(
                idea=idea,
                image=form.cleaned_data["image"],
                alt_text=form.cleaned_data["image_alt"],
            )
        except ValueError:
            form.add_error(
                None,
                _("Eine Idee kann höchstens %(max)s Bilder haben.")
                % {"max": services.IDEA_IMAGES_MAX},
            )
        else:
            messages.success(request, _("Das Bild ist hinzugefügt."))
            return redirect("participation:idea_detail", pk=idea.pk)
    context = idea_detail_context(idea, request.user, image_form=form)
    return render(request, "participation/idea_detail.html", context)


def idea_detail(request: HttpRequest, pk: int) -> HttpResponse:
    idea = get_idea_for_user(request.user, pk)
    return render(
        request,
        "participation/idea_detail.html",
        idea_detail_context(idea, request.user),
    )


def idea_choose_quarter(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "participation/idea_choose_quarter.html",
        {"quarters": Quarter.objects.public()},
    )


@login_required
def idea_create(
    request: HttpRequest, slug: str, call_pk: int | None = None
) -> HttpResponse:
    quarter = get_object_or_404(Quarter.objects.public(), slug=slug)
    call = None
    if call_pk is not None:
        call = get_object_or_404(CallForIdeas, pk=call_pk, quarter=quarter)
    if not request.user.has_perm("participation.add_idea", quarter):
        return render(
            request, "participation/verify_first.html", {"quarter": quarter}, status=403
        )
    if call is not None and call.phase() != Phase.OPEN:
        return render(
            request, "participation/call_detail.html", call_context(call), status=200
        )
    form = IdeaForm(request.POST or None, request.FILES or None, quarter=quarter)
    if request.method == "POST" and form.is_valid():
        try:
            idea = services.idea_create(
                author=request.user, quarter=quarter, call=call, **form.cleaned_data
            )
        except ValidationError as error:
            _form_error(form, error)
        else:
            if idea.visibility == Visibility.PENDING:
                messages.info(
                    request,
                    _(
                        "Danke! Ihre Idee erscheint, sobald die Moderation sie freigegeben hat."
                    ),
                )
            else:
                messages.success(request, _("Danke! Ihre Idee ist veröffentlicht."))
            return redirect(idea)
    return render(
        request,
        "participation/idea_form.html",
        {
            "form": form,
            "quarter": quarter,
            "call": call,
            "map": ideas_map(quarter, []),
        },
    )


@require_POST
@login_required
def idea_support(request: HttpRequest, pk: int) -> HttpResponse:
    idea = get_idea_for_user(request.user, pk, perm="participation.support_idea")
    if request.POST.get("zurueckziehen"):
        services.idea_unsupport(idea=idea, user=request.user)
        messages.success(request, _("Ihre Unterstützung ist zurückgezogen."))
    elif services.idea_support(idea=idea, user=request.user):
        messages.success(request, _("Danke für Ihre Unterstützung!"))
    else:
        messages.info(request, _("Sie unterstützen diese Idee bereits."))
    if request.htmx:
        idea.refresh_from_db()
        context = idea_detail_context(idea, request.user)
        return render(request, "participation/idea_detail.html#support", context)
    return redirect(idea)


@require_POST
@login_required
def idea_feedback(request: HttpRequest, pk: int) -> HttpResponse:
    idea = get_idea_for_user(request.user, pk, perm="participation.answer_idea")
    form = FeedbackForm(request.POST, instance=Idea.objects.get(pk=idea.pk))
    if form.is_valid():
        try:
            services.idea_give_feedback(idea=idea, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _form_error(form, error)
        else:
            messages.success(request, _("Stand und Antwort sind gespeichert."))
            return redirect(idea)
    idea.refresh_from_db()
    return render(
        request,
        "participation/idea_detail.html",
        idea_detail_context(idea, request.user, feedback_form=form),
    )


# --- Comments --------------------------------------------------------------


@require_POST
@login_required
def comment_create(request: HttpRequest, pk: int) -> HttpResponse:
    idea = get_idea_for_user(request.user, pk, perm="participation.add_comment")
    parent = None
    # A parent that is not an id is a broken form (400); an unknown one is 404.
    if parent_pk := require_id(request.POST.get("parent")):
        parent = get_comment_for_user(
            request.user, parent_pk, perm="participation.reply_comment"
        )
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            comment = services.comment_create(
                idea=idea, author=request.user, parent=parent, **form.cleaned_data
            )
        except ValidationError as error:
            _form_error(form, error)
        else:
            if comment.visibility == Visibility.PENDING:
                messages.info(
                    request, _("Danke! Ihr Kommentar erscheint nach der Freigabe.")
                )
            return redirect(comment.get_absolute_url())
    return render(
        request,
        "participation/idea_detail.html",
        idea_detail_context(idea, request.user, comment_form=form),
    )


@login_required
def comment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_comment_for_user(
        request.user, pk, perm="participation.change_comment"
    )
    form = CommentForm(
        request.POST or None, instance=Comment.objects.get(pk=comment.pk)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.comment_edit(comment=comment, body=form.cleaned_data["body"])
        except ValidationError as error:
            _form_error(form, error)
        else:
            messages.success(request, _("Ihr Kommentar ist geändert."))
            return redirect(comment.get_absolute_url())
    return render(
        request, "participation/comment_form.html", {"form": form, "comment": comment}
    )


@require_POST
@login_required
def comment_delete(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_comment_for_user(
        request.user, pk, perm="participation.delete_comment"
    )
    services.comment_delete(comment=comment)
    messages.success(request, _("Ihr Kommentar ist gelöscht."))
    return redirect(comment.idea)


# --- Reports and moderation ------------------------------------------------


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
            _form_error(form, error)
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


# --- Calls for ideas -------------------------------------------------------


def call_list(request: HttpRequest) -> HttpResponse:
    calls = CallForIdeas.objects.filter(
        quarter__in=Quarter.objects.public()
    ).select_related("quarter")
    return render(request, "participation/call_list.html", {"calls": calls})


def call_context(call: CallForIdeas) -> dict:
    return {
        "call": call,
        "phase": call.phase(),
        "ideas": call.ideas.visible().for_list().sorted_by("unterstuetzt")[:50],
    }


def call_detail(request: HttpRequest, pk: int) -> HttpResponse:
    call = get_object_or_404(CallForIdeas.objects.select_related("quarter"), pk=pk)
    return render(request, "participation/call_detail.html", call_context(call))


# --- Polls -----------------------------------------------------------------


def poll_list(request: HttpRequest) -> HttpResponse:
    polls = Poll.objects.filter(quarter__in=Quarter.objects.public()).select_related(
        "quarter"
    )
    return render(request, "participation/poll_list.html", {"polls": polls})


def _polls():
    return Poll.objects.select_related("quarter").prefetch_related("questions__options")


def poll_detail(request: HttpRequest, pk: int) -> HttpResponse:
    poll = get_object_or_404(_polls(), pk=pk)
    user = request.user if request.user.is_authenticated else None
    device = request.COOKIES.get(DEVICE_COOKIE, "")
    if user:
        answered = poll.responses.filter(user=user).exists()
    else:
        answered = bool(device) and poll.responses.filter(device_token=device).exists()
    can_answer = poll.is_open and not answered and (user or poll.allow_anonymous)
    form = PollResponseForm(request.POST or None, poll=poll) if can_answer else None
    if request.method == "POST" and form is not None and form.is_valid():
        token = device or secrets.token_urlsafe(24)
        try:
            services.poll_respond(
                poll=poll, answers=form.answers(), user=user, device_token=token
            )
        except ValidationError as error:
            _form_error(form, error)
        else:
            messages.success(request, _("Danke für Ihre Teilnahme!"))
            response = redirect(poll)
            if not user:
                response.set_cookie(
                    DEVICE_COOKIE,
                    token,
                    max_age=60 * 60 * 24 * 365,
                    httponly=True,
                    samesite="Lax",
                )
            return response
    manage = request.user.has_perm("participation.manage_quarter", poll.quarter)
    return render(
        request,
        "participation/poll_detail.html",
        {
            "poll": poll,
            "form": form,
            "answered": answered,
            "phase": poll.phase(),
            "results": poll.results() if poll.shows_results or manage else None,
            "can_export": manage,
        },
    )


@login_required
def poll_export(request: HttpRequest, pk: int) -> HttpResponse:
    """Results as CSV for the team: one row per response and question."""
    poll = get_object_or_404(_polls(), pk=pk)
    if not request.user.has_perm("participation.manage_quarter", poll.quarter):
        raise Http404
    answers = (
        PollAnswer.objects.filter(response__poll=poll)
        .select_related("question", "option")
        .order_by("response_id", "question__sort_order", "pk")
    )
    return csv_response(
        request,
        f"umfrage-{poll.pk}.csv",
        [
            Column("response", _("Antwort")),
            Column("question", _("Frage")),
            Column("kind", _("Art")),
            Column("option", _("Auswahl")),
            Column("text", _("Text")),
        ],
        (
            [
                answer.response_id,
                answer.question.text,
                answer.question.kind,
                answer.option.text if answer.option else "",
                answer.text,
            ]
            for answer in answers
        ),
    )
