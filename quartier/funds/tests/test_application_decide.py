import threading
from decimal import Decimal

import pytest
from django.db import connection
from django.urls import reverse

from quartier.funds.models import FundApplication, Status
from quartier.funds.services import FundError, application_decide

from .factories import FundApplicationFactory


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("applicant", 404),
        ("other_resident", 404),
        ("manager", 302),
        ("other_manager", 404),
        ("jury", 404),
        ("jury_conflicted", 404),
        ("city_admin", 302),
    ],
)
def test_application_decide_access(client, login_as, application, role, status):
    user = login_as(role)
    response = client.post(
        reverse("funds:application_decide", args=[application.pk]),
        {"outcome": "approve", "amount": "400.00"},
    )
    assert response.status_code == status
    application.refresh_from_db()
    decided = user is not None and status == 302
    assert (application.status == Status.APPROVED) is decided


def test_lower_amount_with_conditions(application, manager):
    application_decide(
        application=application,
        actor=manager,
        approve=True,
        amount=Decimal("350.00"),
        conditions="Nur mit Genehmigung des Ordnungsamts.",
    )
    application.refresh_from_db()
    assert application.approved_amount == Decimal("350.00")
    assert application.is_decided_lower_or_conditional
    change = application.history.get()
    assert (change.from_status, change.to_status, change.actor) == (
        "ready",
        "approved",
        manager,
    )


def test_rejection_needs_reason(client, application, manager):
    client.force_login(manager)
    response = client.post(
        reverse("funds:application_decide", args=[application.pk]),
        {"outcome": "reject", "reason": ""},
    )
    assert response.status_code == 200
    assert "Bitte begründen Sie die Ablehnung." in response.content.decode()
    application.refresh_from_db()
    assert application.status == Status.READY


def test_approving_beyond_what_is_left_is_refused(fund, make_application, manager):
    FundApplicationFactory(
        fund=fund, status=Status.PAID, approved_amount=Decimal("4800.00")
    )
    application = make_application()
    with pytest.raises(FundError, match=r"nur noch 200\.00"):
        application_decide(
            application=application,
            actor=manager,
            approve=True,
            amount=Decimal("300.00"),
        )
    application.refresh_from_db()
    assert application.status == Status.READY
    assert fund.left(application.created_at.year) == Decimal("200.00")


def test_refusal_shown_in_the_form(client, fund, make_application, manager):
    FundApplicationFactory(
        fund=fund, status=Status.APPROVED, approved_amount=Decimal("4900.00")
    )
    application = make_application()
    client.force_login(manager)
    response = client.post(
        reverse("funds:application_decide", args=[application.pk]),
        {"outcome": "approve", "amount": "500.00"},
    )
    assert response.status_code == 200
    assert "nur noch 100.00 € frei" in response.content.decode()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks need PostgreSQL"
)
def test_two_decisions_at_once_cannot_overcommit(fund, make_application, manager):
    # €600 left; two approvals of €400 arrive at the same moment: one must fail.
    FundApplicationFactory(
        fund=fund, status=Status.APPROVED, approved_amount=Decimal("4400.00")
    )
    first, second = make_application(), make_application()
    barrier = threading.Barrier(2)
    outcomes = []

    def decide(application):
        try:
            barrier.wait()
            application_decide(
                application=application,
                actor=manager,
                approve=True,
                amount=Decimal("400.00"),
            )
            outcomes.append("approved")
        except FundError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=decide, args=(a,)) for a in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["approved", "refused"]
    assert fund.committed(first.created_at.year) == Decimal("4800.00")
    assert FundApplication.objects.filter(status=Status.APPROVED).count() == 2


def test_a_repeated_decision_says_what_stands(client, application, manager):
    """Approving an approved application used to answer with an empty page."""
    client.force_login(manager)
    url = reverse("funds:application_decide", args=[application.pk])
    client.post(url, {"outcome": "approve", "amount": "400.00"})
    response = client.post(url, {"outcome": "approve", "amount": "300.00"}, follow=True)
    body = response.content.decode()
    assert "Über diesen Antrag ist schon entschieden: bewilligt am" in body
    assert "Ihre Eingabe hat daran nichts geändert" in body
    application.refresh_from_db()
    assert application.approved_amount == Decimal("400.00")
    assert application.history.count() == 1
