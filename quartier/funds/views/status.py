"""The status page of one application and every step taken from it."""

from __future__ import annotations

from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import services, workflow
from ..forms import (
    AttachmentForm,
    ConflictForm,
    DecisionForm,
    PaymentForm,
    ProofForm,
    ReasonForm,
    VoteForm,
)
from ..models import (
    Attachment,
    ConflictOfInterest,
    FundApplication,
    Status,
    StatusChange,
    Vote,
)
from ..permissions import _jury_member, get_application_for_user


def _detail_queryset():
    return FundApplication.objects.select_related(
        "fund__quarter", "applicant", "meeting", "round"
    ).prefetch_related(
        "cost_items",
        "payments",
        "attachments",
        Prefetch("history", queryset=StatusChange.objects.select_related("actor")),
        Prefetch("votes", queryset=Vote.objects.select_related("member__user")),
        Prefetch(
            "conflicts",
            queryset=ConflictOfInterest.objects.select_related("member__user"),
        ),
    )


def application_detail_context(application_pk: int, user, **forms) -> dict:
    application = _detail_queryset().get(pk=application_pk)
    is_applicant = user.has_perm("funds.act_as_applicant", application)
    is_staff = user.has_perm("funds.manage_application", application)
    member = _jury_member(user, application.fund)
    context = {
        "application": application,
        "fund": application.fund,
        "next_step": workflow.NEXT_STEPS[application.status],
        "is_applicant": is_applicant,
        "is_staff": is_staff,
        "is_jury": member is not None,
        "show_personal": user.has_perm("funds.view_personal_data", application),
        "actions": workflow.available_actions(
            application, is_applicant=is_applicant, is_staff=is_staff
        ),
        "reason_form": forms.get("reason_form") or ReasonForm(),
        "my_vote": next(
            (v for v in application.votes.all() if member and v.member_id == member.pk),
            None,
        ),
        "has_conflict": member is not None
        and any(c.member_id == member.pk for c in application.conflicts.all()),
        "show_votes": is_staff or (member is not None),
    }
    if is_staff and application.status == Status.READY:
        context["decision_form"] = forms.get("decision_form") or DecisionForm(
            initial={"amount": application.requested_amount}
        )
    if user.has_perm("funds.vote_application", application):
        context["vote_form"] = forms.get("vote_form") or VoteForm()
        context["conflict_form"] = ConflictForm()
    if is_staff and application.status in (Status.LETTER_SENT, Status.PAID):
        if application.open_amount > 0 or "payment_form" in forms:
            context["payment_form"] = forms.get("payment_form") or PaymentForm(
                initial={
                    "amount": application.open_amount,
                    "paid_on": timezone.localdate(),
                }
            )
    if (is_applicant and application.is_editable) or (
        is_applicant and application.status == Status.PAID
    ):
        kinds = (
            [Attachment.Kind.APPLICATION]
            if application.is_editable
            else [Attachment.Kind.RECEIPT, Attachment.Kind.PHOTO]
        )
        context["attachment_form"] = forms.get("attachment_form") or AttachmentForm(
            kinds=kinds
        )
    if is_applicant and application.status == Status.PAID:
        context["proof_form"] = forms.get("proof_form") or ProofForm(
            initial={"spent_total": application.paid_total}
        )
    return context


def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect(f"{_login_url()}?next={request.path}")
    application = get_application_for_user(request.user, pk)
    return render(
        request,
        "funds/application_detail.html",
        application_detail_context(application.pk, request.user),
    )


def _login_url() -> str:
    from django.conf import settings
    from django.shortcuts import resolve_url

    return resolve_url(settings.LOGIN_URL)


def _rerender(request, application, status=200, **forms) -> HttpResponse:
    return render(
        request,
        "funds/application_detail.html",
        application_detail_context(application.pk, request.user, **forms),
        status=status,
    )


@require_POST
@login_required
def application_action(request: HttpRequest, pk: int) -> HttpResponse:
    """One URL for the simple workflow steps (buttons on the status page)."""
    application = get_application_for_user(request.user, pk)
    action = workflow.ACTIONS.get(request.POST.get("action", ""))
    if action is None or not workflow.may_take(request.user, application, action):
        raise Http404
    target, role = action.target, action.role
    form = ReasonForm(request.POST)
    form.is_valid()
    reason = form.cleaned_data.get("reason", "")
    if target == Status.READY:
        # The formal check: the team confirms both points; the log keeps them.
        if not (request.POST.get("complete") and request.POST.get("eligible")):
            form.add_error(
                None,
                _(
                    "Bitte bestätigen Sie, dass der Antrag vollständig und förderfähig ist."
                ),
            )
            return _rerender(request, application, reason_form=form)
        reason = reason or _("Formal geprüft: vollständig und förderfähig.")
    if target == Status.WITHDRAWN and not request.POST.get("confirm"):
        form.add_error(
            None, _("Bitte bestätigen Sie, dass Sie den Antrag zurückziehen.")
        )
        return _rerender(request, application, reason_form=form)
    try:
        if target == Status.SUBMITTED:
            services.application_submit(application=application, actor=request.user)
        elif target == Status.LETTER_SENT:
            services.application_send_letter(
                application=application, actor=request.user
            )
        else:
            services.application_transition(
                application=application,
                target=target,
                actor=request.user,
                role=role,
                reason=reason,
            )
    except services.FundError as error:
        for message in error.messages:
            form.add_error(None, message)
        return _rerender(request, application, reason_form=form)
    messages.success(request, _("Erledigt: %(label)s.") % {"label": action.label})
    return redirect(application)


@require_POST
@login_required
def application_decide(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_application_for_user(
        request.user, pk, perm="funds.manage_application"
    )
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            services.application_decide(
                application=application, actor=request.user, **form.service_kwargs()
            )
        except services.FundError as error:
            application.refresh_from_db()
            if application.status != Status.READY:
                # No decision form on the page any more: errors go to the top.
                for message in error.messages:
                    messages.error(request, message)
                return redirect(application)
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Die Entscheidung ist gespeichert."))
            return redirect(application)
    return _rerender(request, application, decision_form=form)


@require_POST
@login_required
def application_vote(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_application_for_user(
        request.user, pk, perm="funds.vote_application"
    )
    member = _jury_member(request.user, application.fund)
    if member is None:  # a superuser passes the rule without being on the jury
        raise Http404
    form = VoteForm(request.POST)
    if form.is_valid():
        try:
            services.vote_cast(
                application=application, member=member, **form.cleaned_data
            )
        except services.FundError as error:
            form.add_error(None, error.messages[0])
        else:
            messages.success(request, _("Ihre Stimme ist gespeichert."))
            return redirect(application)
    return _rerender(request, application, vote_form=form)


@require_POST
@login_required
def application_conflict(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_application_for_user(
        request.user, pk, perm="funds.declare_conflict"
    )
    member = _jury_member(request.user, application.fund)
    if member is None:  # a superuser passes the rule without being on the jury
        raise Http404
    form = ConflictForm(request.POST)
    form.is_valid()
    services.conflict_declare(
        application=application,
        member=member,
        note=form.cleaned_data.get("note", ""),
    )
    messages.success(
        request,
        _("Ihre Befangenheit ist vermerkt. Sie stimmen über diesen Antrag nicht ab."),
    )
    return redirect(application)


@require_POST
@login_required
def application_payment(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_application_for_user(
        request.user, pk, perm="funds.manage_application"
    )
    form = PaymentForm(request.POST)
    if form.is_valid():
        try:
            services.payment_record(
                application=application, actor=request.user, **form.cleaned_data
            )
        except services.FundError as error:
            form.add_error("amount", error.messages[0])
        else:
            messages.success(request, _("Die Auszahlung ist eingetragen."))
            return redirect(application)
    return _rerender(request, application, payment_form=form)


@require_POST
@login_required
def attachment_upload(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_application_for_user(
        request.user, pk, perm="funds.act_as_applicant"
    )
    if application.is_editable:
        kinds = [Attachment.Kind.APPLICATION]
    elif application.status == Status.PAID:
        kinds = [Attachment.Kind.RECEIPT, Attachment.Kind.PHOTO]
    else:
        raise Http404
    form = AttachmentForm(request.POST, request.FILES, kinds=kinds)
    if form.is_valid():
        services.attachment_add(
            application=application,
            actor=request.user,
            kind=form.cleaned_data["kind"],
            upload=form.cleaned_data["file"],
        )
        messages.success(request, _("Die Datei ist hochgeladen."))
        return redirect(f"{application.get_absolute_url()}#anhaenge")
    return _rerender(request, application, attachment_form=form)


@login_required
def attachment_download(request: HttpRequest, pk: int, attachment: int) -> HttpResponse:
    application = get_application_for_user(
        request.user, pk, perm="funds.view_personal_data"
    )
    item = get_object_or_404(application.attachments, pk=attachment)
    if prefix := settings.QUARTIER_ATTACHMENTS_ACCEL_REDIRECT:
        # Behind nginx: the permission check stays here, nginx sends the bytes from
        # an `internal` location no client can request itself (deploy/nginx.conf).
        response = HttpResponse()
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=True, filename=item.name
        )
        response["X-Accel-Redirect"] = prefix + quote(item.file.name)
        return response
    return FileResponse(item.file.open("rb"), as_attachment=True, filename=item.name)


@require_POST
@login_required
def application_proof(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_application_for_user(request.user, pk, perm="funds.submit_proof")
    form = ProofForm(request.POST)
    if form.is_valid():
        try:
            services.proof_submit(
                application=application,
                actor=request.user,
                report=form.cleaned_data["report"],
                spent_total=form.cleaned_data["spent_total"],
            )
        except services.FundError as error:
            form.add_error(None, error.messages[0])
        else:
            messages.success(request, _("Ihr Verwendungsnachweis ist eingereicht."))
            return redirect(application)
    return _rerender(request, application, proof_form=form)


@login_required
def application_letter(request: HttpRequest, pk: int) -> HttpResponse:
    """The approval letter as a printable page."""
    application = get_application_for_user(
        request.user, pk, perm="funds.view_personal_data"
    )
    if not application.letter_number:
        raise Http404
    application = _detail_queryset().get(pk=application.pk)
    return render(
        request, "funds/application_letter.html", {"application": application}
    )
