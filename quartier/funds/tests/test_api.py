from decimal import Decimal

import pytest

from quartier.funds.models import Status

from .conftest import ROLES
from .factories import FundApplicationFactory


@pytest.mark.parametrize("role", ROLES)
def test_funds_api_is_open_data(client, login_as, fund, role):
    login_as(role)
    assert client.get("/api/v1/funds/").status_code == 200


def test_funds_api_lists_funded_projects_without_personal_data(client, fund):
    FundApplicationFactory(
        fund=fund,
        status=Status.PAID,
        title="Hochbeete",
        approved_amount=Decimal("850.00"),
        contact_name="Hanna Geheim",
    )
    FundApplicationFactory(fund=fund, status=Status.SUBMITTED, title="Offen")
    response = client.get("/api/v1/funds/")
    body = response.json()
    item = body["items"][0]
    assert body["license"]["id"] == "dl-de/by-2-0"
    assert item["left_this_year_eur"] == "4150.00"
    assert [p["title"] for p in item["funded_projects"]] == ["Hochbeete"]
    assert "Geheim" not in response.content.decode()


def test_funds_api_query_count(client, fund, django_assert_num_queries):
    for _i in range(2):
        FundApplicationFactory(fund=fund, status=Status.CLOSED)
    with django_assert_num_queries(2):
        client.get("/api/v1/funds/")
    for _i in range(18):
        FundApplicationFactory(fund=fund, status=Status.CLOSED)
    with django_assert_num_queries(2):
        client.get("/api/v1/funds/")
