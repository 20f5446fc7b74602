"""Open data: funds, what is left this year and funded projects. Never personal data."""

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Schema

from quartier.core.api_schema import AbsoluteUrl, Licensed, Money
from quartier.core.licence import licence_info

from .models import Fund, FundApplication

router = Router(tags=["funds"])


class ProjectOut(Schema):
    title: str
    summary: str
    category: str
    year: int
    amount_eur: Money


class FundOut(Schema):
    slug: str
    name: str
    quarter: str
    url: AbsoluteUrl
    yearly_budget_eur: Money
    max_per_application_eur: Money
    year: int
    left_this_year_eur: Money
    funded_projects: list[ProjectOut]


class FundList(Licensed):
    count: int
    items: list[FundOut]


@router.get("/", response=FundList, summary="Verfügungsfonds und geförderte Projekte")
def list_funds(request: HttpRequest):
    year = timezone.localdate().year
    funds = list(Fund.objects.active().select_related("quarter").with_remaining(year))
    projects: dict[int, list[dict]] = {}
    for project in (
        FundApplication.objects.funded_public()
        .filter(fund__in=funds)
        .only(
            "fund_id", "title", "summary", "category", "budget_year", "approved_amount"
        )
        .order_by("-budget_year", "title")
    ):
        projects.setdefault(project.fund_id, []).append(
            {
                "title": project.title,
                "summary": project.summary,
                "category": project.category,
                "year": project.budget_year,
                "amount_eur": project.approved_amount,
            }
        )
    items = [
        {
            "slug": fund.slug,
            "name": fund.name,
            "quarter": fund.quarter.slug,
            "url": fund.get_absolute_url(),
            "yearly_budget_eur": fund.yearly_budget,
            "max_per_application_eur": fund.max_per_application,
            "year": year,
            "left_this_year_eur": fund.remaining_amount,
            "funded_projects": projects.get(fund.pk, []),
        }
        for fund in funds
    ]
    return {**licence_info(request.path), "count": len(items), "items": items}
