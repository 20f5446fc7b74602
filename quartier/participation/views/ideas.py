"""Ideas and their comments: list, map, detail, writing, support and feedback."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from quartier.core.inputs import require_id
from quartier.quarters.models import Quarter

from .. import services
from ..forms import (
    CommentForm,
    FeedbackForm,
    IdeaFilterForm,
    IdeaForm,
    IdeaImageForm,
    add_service_error,
)
from ..maps import MAX_POINTS, ideas_map
from ..models import (
    CallForIdeas,
    Comment,
    Idea,
    ModerationAction,
    Phase,
    Support,
    Visibility,
)
from ..permissions import get_comment_for_user, get_idea_for_user
from .periods import call_context

PAGE_SIZE = 20


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
            add_service_error(form, error)
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
            add_service_error(form, error)
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
            add_service_error(form, error)
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
            add_service_error(form, error)
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
