"""What is left in a fund is one figure, whichever page or export shows it."""

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from quartier.funds.models import Fund, Status

from .factories import FundApplicationFactory, FundFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def spent_fund(fund, quarter):
    year = timezone.localdate().year
    for status, amount, budget_year in [
        (Status.APPROVED, "1000.00", year),
        (Status.CLOSED, "333.33", year),
        (Status.PAID, "250.00", year),
        (Status.CLOSED, "900.00", year - 1),  # last year's money
        (Status.REJECTED, None, year),
        (Status.READY, None, None),
    ]:
        FundApplicationFactory(
            fund=fund,
            status=status,
            approved_amount=Decimal(amount) if amount else None,
            budget_year=budget_year,
        )
    other = FundFactory(quarter=quarter, slug="anderer-fonds")
    FundApplicationFactory(
        fund=other,
        status=Status.APPROVED,
        approved_amount=Decimal("77.00"),
        budget_year=year,
    )
    return fund, year


def test_every_view_shows_the_same_remaining_figure(client, manager, spent_fund):
    fund, year = spent_fund
    expected = fund.yearly_budget - Decimal("1583.33")

    assert fund.left(year) == expected
    assert Fund.objects.with_remaining(year).get(pk=fund.pk).remaining_amount == (
        expected
    )

    index = client.get(reverse("funds:index")).context["rows"]
    assert [row["left"] for row in index if row["fund"] == fund] == [expected]
    assert client.get(fund.get_absolute_url()).context["left"] == expected
    api = client.get("/api/v1/funds/").json()["items"]
    assert [i["left_this_year_eur"] for i in api if i["slug"] == fund.slug] == [
        str(expected)
    ]

    client.force_login(manager)
    assert client.get(reverse("funds:fund_manage", args=[fund.slug])).context[
        "left"
    ] == (expected)
    assert client.get(reverse("funds:fund_jury", args=[fund.slug])).context["left"] == (
        expected
    )
    report = client.get(
        reverse("funds:fund_report", args=[fund.slug]), {"jahr": year}
    ).context["report"]
    assert report["left"] == expected

    # The CSV has no "left" column: its total of approved euros must add up to it.
    response = client.get(
        reverse("funds:fund_report_csv", args=[fund.slug]),
        {"jahr": year, "variante": "maschinenlesbar"},
    )
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    (total,) = [row for row in rows if row["label"] == "Summe"]
    assert fund.yearly_budget - Decimal(total["approved_eur"]) == expected


def test_remaining_of_a_fund_without_approvals_is_its_budget(fund):
    year = timezone.localdate().year
    assert fund.left(year) == fund.yearly_budget
    assert fund.committed(year) == Decimal("0.00")
