import pytest
from django.urls import reverse

from quartier.funds.models import InvalidTransition, Status


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
def test_team_step_access(client, login_as, make_application, role, status):
    application = make_application(status=Status.SUBMITTED)
    user = login_as(role)
    response = client.post(
        reverse("funds:application_action", args=[application.pk]), {"action": "check"}
    )
    assert response.status_code == status
    application.refresh_from_db()
    expected = Status.IN_CHECK if user and status == 302 else Status.SUBMITTED
    assert application.status == expected


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("applicant", 302),
        ("other_resident", 404),
        ("manager", 404),
        ("other_manager", 404),
        ("jury", 404),
        ("jury_conflicted", 404),
        ("city_admin", 404),
    ],
)
def test_withdraw_access(client, login_as, make_application, role, status):
    application = make_application(status=Status.SUBMITTED)
    user = login_as(role)
    response = client.post(
        reverse("funds:application_action", args=[application.pk]),
        {"action": "withdraw", "confirm": "1"},
    )
    assert response.status_code == status
    application.refresh_from_db()
    withdrawn = user is not None and status == 302
    assert (application.status == Status.WITHDRAWN) is withdrawn


def test_request_changes_needs_a_message(client, make_application, manager):
    application = make_application(status=Status.IN_CHECK)
    client.force_login(manager)
    response = client.post(
        reverse("funds:application_action", args=[application.pk]),
        {"action": "request_changes", "reason": " "},
    )
    assert response.status_code == 200
    assert "was nachgereicht werden soll" in response.content.decode()
    application.refresh_from_db()
    assert application.status == Status.IN_CHECK


def test_steps_out_of_order_are_refused(client, make_application, manager):
    application = make_application(status=Status.SUBMITTED)
    client.force_login(manager)
    response = client.post(
        reverse("funds:application_action", args=[application.pk]), {"action": "close"}
    )
    assert response.status_code == 200
    assert "nicht möglich" in response.content.decode()
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED


def test_no_withdrawal_after_payment(make_application, applicant):
    application = make_application(status=Status.PAID)
    with pytest.raises(InvalidTransition):
        application.move_to(Status.WITHDRAWN, actor=applicant)


def test_every_transition_is_logged_with_who_and_why(client, make_application, manager):
    application = make_application(status=Status.IN_CHECK)
    client.force_login(manager)
    client.post(
        reverse("funds:application_action", args=[application.pk]),
        {"action": "request_changes", "reason": "Kostenplan fehlt."},
    )
    change = application.history.get()
    assert change.actor == manager
    assert change.reason == "Kostenplan fehlt."
    assert change.at is not None


def test_withdrawal_needs_confirmation(client, make_application, applicant):
    application = make_application(status=Status.SUBMITTED)
    client.force_login(applicant)
    response = client.post(
        reverse("funds:application_action", args=[application.pk]),
        {"action": "withdraw"},
    )
    assert "Bitte bestätigen Sie" in response.content.decode()
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED


def test_ready_for_decision_needs_the_formal_check(client, make_application, manager):
    application = make_application(status=Status.IN_CHECK)
    client.force_login(manager)
    url = reverse("funds:application_action", args=[application.pk])
    response = client.post(url, {"action": "ready", "complete": "1"})
    assert "vollständig und förderfähig" in response.content.decode()
    application.refresh_from_db()
    assert application.status == Status.IN_CHECK
    client.post(url, {"action": "ready", "complete": "1", "eligible": "1"})
    application.refresh_from_db()
    assert application.status == Status.READY
    assert (
        application.history.get().reason
        == "Formal geprüft: vollständig und förderfähig."
    )
