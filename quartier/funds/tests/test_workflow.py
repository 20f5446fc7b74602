"""The buttons each role gets on the status page, straight from the workflow table."""

import pytest

from quartier.funds import workflow
from quartier.funds.models import FundApplication, Status


@pytest.mark.parametrize(
    ("status", "applicant", "team"),
    [
        (Status.DRAFT, ["submit", "withdraw"], []),
        (Status.SUBMITTED, ["withdraw"], ["check", "request_changes"]),
        (Status.IN_CHECK, ["withdraw"], ["request_changes", "ready"]),
        (Status.READY, ["withdraw"], []),  # the decision has its own form
        (Status.APPROVED, ["withdraw"], ["letter"]),
        (Status.PROOF_SUBMITTED, [], ["return_proof", "proof_checked"]),
        (Status.PROOF_CHECKED, [], ["close"]),
        (Status.CLOSED, [], []),
    ],
)
def test_available_actions_per_role(status, applicant, team):
    application = FundApplication(status=status)

    def keys(**roles):
        return [a["key"] for a in workflow.available_actions(application, **roles)]

    assert keys(is_applicant=True, is_staff=False) == applicant
    assert keys(is_applicant=False, is_staff=True) == team
    assert keys(is_applicant=False, is_staff=False) == []


def test_every_status_has_a_next_step():
    assert set(workflow.NEXT_STEPS) == set(Status)


def test_every_button_role_has_a_permission():
    assert {a.role for a in workflow.ACTIONS.values()} == set(workflow.ROLE_PERMISSIONS)
