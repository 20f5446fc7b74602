"""The team's and the jury's pages: applications, agenda, meetings and the report."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from quartier.core.inputs import DATE_MAX, DATE_MIN, parse_int

from .. import reporting, services
from ..forms import (
    MeetingDecisionForm,
    MeetingForm,
)
from ..models import (
    Meeting,
    Status,
    Vote,
)
from ..permissions import _jury_member, get_fund_for_user


def _year(request: HttpRequest) -> int:
    year = parse_int(
        request.GET.get("jahr"), minimum=DATE_MIN.year, maximum=DATE_MAX.year
    )
    return year or timezone.localdate().year


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
