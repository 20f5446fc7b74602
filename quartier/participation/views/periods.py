"""Calls for ideas and polls: the time-boxed ways a quarter asks its residents."""

from __future__ import annotations

import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from quartier.core.csv import Column, csv_response
from quartier.quarters.models import Quarter

from .. import services
from ..forms import (
    PollResponseForm,
    add_service_error,
)
from ..models import (
    CallForIdeas,
    Poll,
    PollAnswer,
)

DEVICE_COOKIE = "umfrage_geraet"


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
            add_service_error(form, error)
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
