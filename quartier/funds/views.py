"""Views of the Verfügungsfonds: glue between permissions, forms and services."""

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

from quartier.accounts.permissions import is_verified
from quartier.core.inputs import DATE_MAX, DATE_MIN, parse_int

from . import reporting, services, workflow
from .forms import (
    ApplicationForm,
    AttachmentForm,
    ConflictForm,
    CostItemFormSet,
    DecisionForm,
    MeetingDecisionForm,
    MeetingForm,
    PaymentForm,
    ProofForm,
    ReasonForm,
    VoteForm,
)
from .models import (
    Attachment,
    ConflictOfInterest,
    Fund,
    FundApplication,
    Meeting,
    Status,
    StatusChange,
    Vote,
)
from .permissions import _jury_member, get_application_for_user, get_fund_for_user

EMPTY_COST_ROWS = 3


def _year(request: HttpRequest) -> int:
    year = parse_int(
        request.GET.get("jahr"), minimum=DATE_MIN.year, maximum=DATE_MAX.year
    )
    return year or timezone.localdate().year


# Public pages.


def fund_index(request: HttpRequest) -> HttpResponse:
    year = timezone.localdate().year
    funds = Fund.objects.active().select_related("quarter").with_remaining(year)
    rows = [{"fund": fund, "left": fund.remaining_amount} for fund in funds]
    return render(request, "funds/fund_index.html", {"rows": rows, "year": year})


def fund_detail(request: HttpRequest, slug: str) -> HttpResponse:
    year = timezone.localdate().year
    fund = get_object_or_404(
        Fund.objects.select_related("quarter").with_remaining(year), slug=slug
    )
    funded = list(
        fund.applications.funded_public()
        .filter(budget_year__gte=year - 2)
        .order_by("-budget_year", "title")
    )
    return render(
        request,
        "funds/fund_detail.html",
        {
            "fund": fund,
            "year": year,
            "committed": fund.committed_amount,
            "left": fund.remaining_amount,
            "funded": funded,
            "rounds": fund.rounds.filter(deadline__gte=timezone.localdate()),
            "can_manage": request.user.has_perm("funds.manage_fund", fund),
            "is_jury": request.user.has_perm("funds.view_jury", fund),
        },
    )


# Applicant side.


@require_POST
@login_required
def application_start(request: HttpRequest, slug: str) -> HttpResponse:
    fund = get_object_or_404(Fund, slug=slug)
    if not is_verified(request.user):
        messages.error(request, _("Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse."))
        return redirect(fund)
    try:
        application = services.application_start(fund=fund, applicant=request.user)
    except services.FundError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(fund)
    return redirect("funds:application_edit", pk=application.pk)


@login_required
def my_applications(request: HttpRequest) -> HttpResponse:
    applications = (
        FundApplication.objects.filter(applicant=request.user)
        .select_related("fund")
        .order_by("-updated_at")
    )
    return render(
        request, "funds/application_list_own.html", {"applications": applications}
    )


def _cost_formset(application: FundApplication, data=None, extra_rows=EMPTY_COST_ROWS):
    initial = [
        {"description": item.description, "amount": item.amount}
        for item in application.cost_items.all()
    ] + [{} for _row in range(extra_rows)]
    if data is not None:
        return CostItemFormSet(data, prefix="kosten")
    return CostItemFormSet(initial=initial, prefix="kosten")


def _edit_context(application, form, formset, problems=None) -> dict:
    return {
        "application": application,
        "fund": application.fund,
        "form": form,
        "formset": formset,
        "problems": problems,
        "left": application.fund.left(timezone.localdate().year),
    }


@login_required
def application_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The applicant's form: every POST saves the draft, whatever else happens."""

    application = get_application_for_user(
        request.user, pk, perm="funds.change_application"
    )
    if request.method != "POST":
        form = ApplicationForm(instance=application)
        context = _edit_context(
            application,
            form,
            _cost_formset(application),
            services.application_problems(application),
        )
        return render(request, "funds/application_form.html", context)

    form = ApplicationForm(request.POST, instance=application)
    formset = _cost_formset(application, data=request.POST)
    action = request.POST.get("action", "save")
    form_ok = form.is_valid()
    # Keep every field that is fine on its own, so an error elsewhere loses nothing.
    fields = {
        name: value
        for name, value in form.cleaned_data.items()
        if name not in form.errors
    }
    formset_ok = formset.is_valid()
    items = (
        formset.items()
        if formset_ok
        else [
            (f.cleaned_data["description"], f.cleaned_data["amount"])
            for f in formset.forms
            if not f.errors
            and f.cleaned_data.get("description")
            and f.cleaned_data.get("amount") is not None
        ]
    )
    application = services.application_update(
        application=application, fields=fields, cost_items=items
    )
    if request.htmx and action == "autosave":
        # Background save while typing (progressive enhancement): nothing to swap.
        return HttpResponse(status=204)
    application = get_application_for_user(
        request.user, pk, perm="funds.change_application"
    )
    if form_ok and formset_ok:
        if action == "add_row":
            formset = _cost_formset(application, extra_rows=EMPTY_COST_ROWS + 2)
            messages.success(request, _("Gespeichert. Neue Zeilen sind unten."))
        elif action == "submit":
            try:
                services.application_submit(application=application, actor=request.user)
            except services.FundError as error:
                context = _edit_context(
                    application,
                    ApplicationForm(instance=application),
                    _cost_formset(application),
                    error.messages,
                )
                context["submit_failed"] = True
                return render(request, "funds/application_form.html", context)
            messages.success(request, _("Ihr Antrag ist eingereicht. Vielen Dank!"))
            return redirect(application)
        else:
            messages.success(request, _("Ihr Entwurf ist gespeichert."))
            return redirect("funds:application_edit", pk=application.pk)
    context = _edit_context(
        application, form, formset, services.application_problems(application)
    )
    context["saved_partly"] = True
    return render(request, "funds/application_form.html", context)


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


# Team and jury side.


@login_required
def fund_manage(request: HttpRequest, slug: str) -> HttpResponse:
    fund = get_fund_for_user(request.user, slug)
    status = request.GET.get("status", "")
    applications = (
        fund.applications.exclude(status=Status.DRAFT)
        .select_related("applicant")
        .prefetch_related("cost_items", "payments")
        .order_by("-submitted_at", "-pk")
    )
    if status in Status.values:
        applications = applications.filter(status=status)
    return render(
        request,
        "funds/fund_manage.html",
        {
            "fund": fund,
            "applications": applications,
            "statuses": [s for s in Status if s != Status.DRAFT],
            "status": status,
            "overdue": fund.applications.proof_overdue().select_related("applicant"),
            "left": fund.left(timezone.localdate().year),
        },
    )


@login_required
def fund_jury(request: HttpRequest, slug: str) -> HttpResponse:
    """Applications ready for decision, with a summary each, for the jury."""
    fund = get_fund_for_user(request.user, slug, perm="funds.view_jury")
    member = _jury_member(request.user, fund)
    applications = (
        fund.applications.ready_for_decision()
        .prefetch_related(
            "cost_items",
            Prefetch("votes", queryset=Vote.objects.select_related("member__user")),
            "conflicts",
        )
        .order_by("submitted_at")
    )
    rows = [
        {
            "application": a,
            "my_vote": next(
                (v for v in a.votes.all() if member and v.member_id == member.pk), None
            ),
            "conflict": member is not None
            and any(c.member_id == member.pk for c in a.conflicts.all()),
        }
        for a in applications
    ]
    return render(
        request,
        "funds/fund_jury.html",
        {
            "fund": fund,
            "rows": rows,
            "left": fund.left(timezone.localdate().year),
            "can_manage": request.user.has_perm("funds.manage_fund", fund),
            "meetings": fund.meetings.all()[:10],
        },
    )


@login_required
def meeting_create(request: HttpRequest, slug: str) -> HttpResponse:
    """Record a meeting's result in one go: attendees and every decision."""
    fund = get_fund_for_user(request.user, slug)
    applications = list(
        fund.applications.ready_for_decision()
        .prefetch_related("cost_items")
        .order_by("submitted_at")
    )
    data = request.POST if request.method == "POST" else None
    form = MeetingForm(data, fund=fund, initial={"held_on": timezone.localdate()})
    rows = [
        (
            a,
            MeetingDecisionForm(
                data,
                prefix=f"a{a.pk}",
                initial={"amount": a.requested_amount},
            ),
        )
        for a in applications
    ]
    if data is not None and form.is_valid() and all(f.is_valid() for _a, f in rows):
        decisions = [
            {"application": a, **f.service_kwargs()}
            for a, f in rows
            if f.cleaned_data.get("outcome")
        ]
        try:
            meeting = services.meeting_record(
                fund=fund,
                actor=request.user,
                held_on=form.cleaned_data["held_on"],
                attendees=list(form.cleaned_data["attendees"]),
                guests=form.cleaned_data["guests"],
                notes=form.cleaned_data["notes"],
                decisions=decisions,
            )
        except services.FundError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Das Sitzungsergebnis ist gespeichert."))
            return redirect(meeting)
    return render(
        request,
        "funds/meeting_form.html",
        {"fund": fund, "form": form, "rows": rows},
    )


@login_required
def meeting_minutes(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting.objects.select_related("fund__quarter"), pk=pk)
    if not request.user.has_perm("funds.view_jury", meeting.fund):
        raise Http404
    decisions = meeting.decisions.prefetch_related(
        "cost_items", "conflicts__member__user"
    ).order_by("pk")
    return render(
        request,
        "funds/meeting_minutes.html",
        {
            "meeting": meeting,
            "attendees": meeting.attendees.select_related("user"),
            "decisions": decisions,
        },
    )


@login_required
def fund_report(request: HttpRequest, slug: str) -> HttpResponse:
    fund = get_fund_for_user(request.user, slug)
    year = _year(request)
    report = reporting.fund_report(fund, year)
    return render(
        request,
        "funds/fund_report.html",
        {
            "fund": fund,
            "year": year,
            "report": report,
            "chart": reporting.bar_chart(report["by_category"]),
            "years": reporting.report_years(fund),
        },
    )


@login_required
def fund_report_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    fund = get_fund_for_user(request.user, slug)
    year = _year(request)
    report = reporting.fund_report(fund, year)
    if fmt == "csv":
        return reporting.csv_response(request, fund, year, report)
    return reporting.xlsx_response(fund, year, report)
