"""The public fund pages: every fund, and one fund with its rules and projects."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from ..models import (
    Fund,
)


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
