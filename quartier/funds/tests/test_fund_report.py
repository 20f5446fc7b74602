import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from quartier.funds.models import FundApplication, Payment, Status

from .factories import FundApplicationFactory


@pytest.fixture
def report_data(fund):
    year = timezone.localdate().year
    paid = FundApplicationFactory(
        fund=fund,
        status=Status.CLOSED,
        category=FundApplication.Category.GREEN,
        approved_amount=Decimal("850.00"),
        spent_total=Decimal("820.50"),
    )
    FundApplicationFactory(
        fund=fund,
        status=Status.APPROVED,
        category=FundApplication.Category.CULTURE,
        applicant_type=FundApplication.ApplicantType.CLUB,
        organisation="Bürgerverein",
        approved_amount=Decimal("400.00"),
    )
    FundApplicationFactory(fund=fund, status=Status.REJECTED)
    FundApplicationFactory(fund=fund, status=Status.DRAFT)  # not counted
    return year, paid


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("applicant", 404),
        ("other_resident", 404),
        ("manager", 200),
        ("other_manager", 404),
        ("jury", 404),
        ("jury_conflicted", 404),
        ("city_admin", 200),
    ],
)
@pytest.mark.parametrize(
    "view", ["funds:fund_report", "funds:fund_report_csv", "funds:fund_report_xlsx"]
)
def test_report_access(client, login_as, fund, role, status, view):
    login_as(role)
    assert client.get(reverse(view, args=[fund.slug])).status_code == status


def test_report_table_and_chart(client, fund, manager, report_data):
    year, _paid = report_data
    client.force_login(manager)
    response = client.get(
        reverse("funds:fund_report", args=[fund.slug]), {"jahr": year}
    )
    report = response.context["report"]
    assert report["total"]["applications"] == 3
    assert report["total"]["approved"] == 2
    assert report["total"]["approved_amount"] == Decimal("1250.00")
    assert report["total"]["paid_amount"] == Decimal("850.00")
    assert report["total"]["spent_amount"] == Decimal("820.50")
    assert report["left"] == Decimal("3750.00")
    page = response.content.decode()
    assert "<svg" in page and "<table" in page
    assert "1.250,00 €" in page


def test_csv_export(client, fund, manager, report_data):
    year, _paid = report_data
    client.force_login(manager)
    response = client.get(
        reverse("funds:fund_report_csv", args=[fund.slug]), {"jahr": year}
    )
    text = response.content.decode("utf-8-sig")
    assert response["Content-Disposition"].endswith(f'-{year}.csv"')
    assert "Gesamt;Summe;3;2;1250,00;850,00;820,50" in text


def test_xlsx_export(client, fund, manager, report_data):
    from openpyxl import load_workbook

    year, _paid = report_data
    client.force_login(manager)
    response = client.get(
        reverse("funds:fund_report_xlsx", args=[fund.slug]), {"jahr": year}
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[-1][:5] == ("Gesamt", "Summe", 3, 2, 1250.0)


def test_payment_counts_towards_paid(fund):
    application = FundApplicationFactory(fund=fund, status=Status.LETTER_SENT)
    Payment.objects.create(
        application=application, amount=Decimal("100"), paid_on=timezone.localdate()
    )
    from quartier.funds.reporting import fund_report

    assert fund_report(fund, timezone.localdate().year)["total"][
        "paid_amount"
    ] == Decimal("100")
