"""The staff admin: a team sees and edits only its own quarter's fund, rounds and jury."""

import pytest

from quartier.quarters.permissions import QUARTER_TEAM, role_permissions

from .factories import FundFactory, JuryMemberFactory


@pytest.fixture
def team_permissions(quarter, other_quarter):
    for q in (quarter, other_quarter):
        q.team.permissions.add(*role_permissions(QUARTER_TEAM))


@pytest.mark.parametrize(
    ("role", "sees_own", "sees_other"),
    [("manager", True, False), ("other_manager", False, True)],
)
def test_fund_admin_is_scoped(
    client, login_as, team_permissions, fund, other_quarter, role, sees_own, sees_other
):
    other = FundFactory(quarter=other_quarter, name="Fonds Dodesheide")
    JuryMemberFactory(fund=fund)
    login_as(role)
    page = client.get("/admin/fund_admin/").content.decode()
    assert (fund.name in page) is sees_own
    assert (other.name in page) is sees_other
    edit = client.get(f"/admin/fund_admin/edit/{fund.pk}/")
    assert edit.status_code == (200 if sees_own else 404)
    jury = client.get("/admin/fund_jury_admin/")
    assert jury.status_code == 200
