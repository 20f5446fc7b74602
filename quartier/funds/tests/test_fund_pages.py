"""Public fund pages: index, detail with rules, budget left and funded projects."""

from decimal import Decimal

import pytest
from django.urls import reverse

from quartier.funds.models import Status

from .conftest import ROLES
from .factories import FundApplicationFactory


@pytest.mark.parametrize("role", ROLES)
def test_fund_pages_are_public(client, login_as, fund, role):
    login_as(role)
    assert client.get(reverse("funds:index")).status_code == 200
    assert client.get(fund.get_absolute_url()).status_code == 200


def test_fund_page_shows_funded_projects_without_personal_data(client, fund):
    FundApplicationFactory(
        fund=fund,
        status=Status.CLOSED,
        title="Hochbeete im Hinterhof",
        approved_amount=Decimal("850.00"),
        contact_name="Hanna Geheim",
        address="Geheimweg 7",
    )
    FundApplicationFactory(fund=fund, status=Status.READY, title="Noch offen")
    page = client.get(fund.get_absolute_url()).content.decode()
    assert "Hochbeete im Hinterhof" in page
    assert "850,00 €" in page
    assert "4.150,00 €" in page  # left this year
    assert "Noch offen" not in page
    assert "Hanna Geheim" not in page
    assert "Geheimweg" not in page


def test_fund_index_shows_budget_left(client, fund):
    FundApplicationFactory(
        fund=fund, status=Status.APPROVED, approved_amount=Decimal("1000.00")
    )
    page = client.get(reverse("funds:index")).content.decode()
    assert "4.000,00 €" in page


def test_fund_detail_query_count(client, fund, django_assert_num_queries):
    for _i in range(2):
        FundApplicationFactory(fund=fund, status=Status.CLOSED)
    client.get(fund.get_absolute_url())
    with django_assert_num_queries(5):
        client.get(fund.get_absolute_url())
    for _i in range(18):
        FundApplicationFactory(fund=fund, status=Status.CLOSED)
    with django_assert_num_queries(5):
        client.get(fund.get_absolute_url())


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("applicant", 200),
        ("other_resident", 200),
        ("manager", 200),
        ("jury", 200),
        ("city_admin", 200),
    ],
)
def test_my_applications_access(client, login_as, role, status, application):
    login_as(role)
    response = client.get(reverse("funds:my_applications"))
    assert response.status_code == status
    if status == 200:
        assert (application.title in response.content.decode()) is (role == "applicant")


def test_start_needs_login(client, fund):
    response = client.post(reverse("funds:application_start", args=[fund.slug]))
    assert response.status_code == 302
    assert "/konto/login/" in response.url


def test_start_needs_verified_email(client, fund):
    from quartier.accounts.tests.factories import UserFactory

    user = UserFactory(verified=False)
    client.force_login(user)
    client.post(reverse("funds:application_start", args=[fund.slug]))
    assert not fund.applications.exists()


def test_start_opens_a_draft(client, fund, applicant):
    client.force_login(applicant)
    response = client.post(reverse("funds:application_start", args=[fund.slug]))
    application = fund.applications.get()
    assert application.status == Status.DRAFT
    assert response.url == reverse("funds:application_edit", args=[application.pk])


def test_closed_fund_takes_no_applications(client, fund, applicant):
    fund.is_active = False
    fund.save()
    client.force_login(applicant)
    client.post(reverse("funds:application_start", args=[fund.slug]))
    assert not fund.applications.exists()
