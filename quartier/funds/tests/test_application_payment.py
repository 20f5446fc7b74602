from decimal import Decimal

import pytest
from django.urls import reverse

from quartier.funds.models import Status


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
def test_payment_access(client, login_as, make_application, role, status):
    application = make_application(status=Status.LETTER_SENT)
    user = login_as(role)
    response = client.post(
        reverse("funds:application_payment", args=[application.pk]),
        {"amount": "200.00", "paid_on": "2026-05-02"},
    )
    assert response.status_code == status
    assert application.payments.exists() is (user is not None and status == 302)


def test_partial_then_full_payment(client, make_application, manager):
    application = make_application(status=Status.LETTER_SENT)
    client.force_login(manager)
    url = reverse("funds:application_payment", args=[application.pk])
    client.post(url, {"amount": "200.00", "paid_on": "2026-05-02"})
    application.refresh_from_db()
    assert application.status == Status.PAID
    client.post(url, {"amount": "300.00", "paid_on": "2026-06-02"})
    assert application.paid_total == Decimal("500.00")
    response = client.post(url, {"amount": "0.01", "paid_on": "2026-06-03"})
    assert "nur noch 0.00 € offen" in response.content.decode()
    assert application.payments.count() == 2
