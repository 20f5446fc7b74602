"""Team list, jury list, meeting record and minutes, letter."""

from decimal import Decimal

import pytest
from django.urls import reverse

from quartier.funds.models import Meeting, Status

from .factories import FundApplicationFactory

TEAM_ONLY = [
    ("anonymous", 302),
    ("applicant", 404),
    ("other_resident", 404),
    ("manager", 200),
    ("other_manager", 404),
    ("jury", 404),
    ("jury_conflicted", 404),
    ("city_admin", 200),
]
WITH_JURY = [
    ("anonymous", 302),
    ("applicant", 404),
    ("other_resident", 404),
    ("manager", 200),
    ("other_manager", 404),
    ("jury", 200),
    ("jury_conflicted", 200),
    ("city_admin", 200),
]


@pytest.mark.parametrize(("role", "status"), TEAM_ONLY)
def test_fund_manage_access(client, login_as, fund, application, role, status):
    login_as(role)
    response = client.get(reverse("funds:fund_manage", args=[fund.slug]))
    assert response.status_code == status


@pytest.mark.parametrize(("role", "status"), WITH_JURY)
def test_fund_jury_access(client, login_as, fund, application, role, status):
    login_as(role)
    response = client.get(reverse("funds:fund_jury", args=[fund.slug]))
    assert response.status_code == status
    if status == 200:
        assert application.title in response.content.decode()


@pytest.mark.parametrize(("role", "status"), TEAM_ONLY)
def test_meeting_create_access(client, login_as, fund, application, role, status):
    login_as(role)
    response = client.get(reverse("funds:meeting_create", args=[fund.slug]))
    assert response.status_code == status


@pytest.mark.parametrize(
    ("view", "queries"), [("funds:fund_manage", 14), ("funds:fund_jury", 16)]
)
def test_lists_pin_query_counts(
    client, fund, manager, view, queries, django_assert_num_queries
):
    for _i in range(2):
        FundApplicationFactory(fund=fund, status=Status.READY)
    client.force_login(manager)
    url = reverse(view, args=[fund.slug])
    client.get(url)
    with django_assert_num_queries(queries):
        client.get(url)
    for _i in range(18):
        FundApplicationFactory(fund=fund, status=Status.READY)
    with django_assert_num_queries(queries):
        client.get(url)


def test_meeting_recorded_in_one_go(client, fund, make_application, manager, jury):
    first, second = make_application(), make_application()
    member = jury.fund_juries.get()
    client.force_login(manager)
    response = client.post(
        reverse("funds:meeting_create", args=[fund.slug]),
        {
            "held_on": "2026-03-10",
            "attendees": [member.pk],
            "guests": "Quartiersmanagement",
            f"a{first.pk}-outcome": "approve",
            f"a{first.pk}-amount": "450.00",
            f"a{first.pk}-votes_yes": "5",
            f"a{first.pk}-votes_no": "1",
            f"a{first.pk}-votes_abstain": "1",
            f"a{second.pk}-outcome": "reject",
            f"a{second.pk}-reason": "Kein Bezug zum Quartier.",
            f"a{second.pk}-votes_yes": "1",
            f"a{second.pk}-votes_no": "6",
            f"a{second.pk}-votes_abstain": "0",
        },
    )
    meeting = Meeting.objects.get()
    assert response.url == meeting.get_absolute_url()
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.approved_amount, first.votes_yes) == (
        Status.APPROVED,
        Decimal("450.00"),
        5,
    )
    assert second.status == Status.REJECTED
    client.force_login(jury)
    minutes = client.get(meeting.get_absolute_url())
    assert minutes.status_code == 200
    assert "Kein Bezug zum Quartier." in minutes.content.decode()


def test_meeting_is_all_or_nothing_when_budget_runs_out(
    client, fund, make_application, manager
):
    FundApplicationFactory(
        fund=fund, status=Status.APPROVED, approved_amount=Decimal("4500.00")
    )
    first, second = make_application(), make_application()
    client.force_login(manager)
    data = {"held_on": "2026-03-10"}
    for application in (first, second):
        data |= {
            f"a{application.pk}-outcome": "approve",
            f"a{application.pk}-amount": "400.00",
            f"a{application.pk}-votes_yes": "3",
            f"a{application.pk}-votes_no": "0",
            f"a{application.pk}-votes_abstain": "0",
        }
    response = client.post(reverse("funds:meeting_create", args=[fund.slug]), data)
    assert response.status_code == 200
    assert "nur noch 100.00 € frei" in response.content.decode()
    assert not Meeting.objects.exists()
    first.refresh_from_db()
    assert first.status == Status.READY


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("applicant", 200),
        ("other_resident", 404),
        ("manager", 200),
        ("other_manager", 404),
        ("jury", 404),
        ("jury_conflicted", 404),
        ("city_admin", 200),
    ],
)
def test_letter_access(client, login_as, make_application, manager, role, status):
    from quartier.funds.services import application_send_letter

    application = make_application(status=Status.APPROVED)
    application_send_letter(application=application, actor=manager)
    login_as(role)
    response = client.get(reverse("funds:application_letter", args=[application.pk]))
    assert response.status_code == status
    if status == 200:
        page = response.content.decode()
        assert "VF-SCHINKEL-" in page
        assert "500,00 €" in page
