import pytest

from quartier.quarters.permissions import (
    can_manage_quarter,
    is_city_editor,
    is_moderator,
)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "own", "other"),
    [
        ("anonymous", False, False),
        ("resident", False, False),
        ("org_rep", False, False),
        ("moderator", False, False),
        ("manager", True, False),
        ("other_manager", False, True),
        ("city_admin", True, True),
    ],
)
def test_who_manages_which_quarter(request, quarter, other_quarter, role, own, other):
    user = request.getfixturevalue(role)
    assert can_manage_quarter(user, quarter) is own
    assert can_manage_quarter(user, other_quarter) is other


@pytest.mark.django_db
def test_objects_with_a_quarter_are_judged_by_their_quarter(
    manager, quarter, other_quarter
):
    from quartier.quarters.tests.factories import OfficeFactory

    assert can_manage_quarter(manager, OfficeFactory(quarter=quarter))
    assert not can_manage_quarter(manager, OfficeFactory(quarter=other_quarter))


@pytest.mark.django_db
def test_role_predicates(moderator, city_admin, resident, admin_user):
    assert is_moderator(moderator) and not is_moderator(resident)
    assert is_city_editor(city_admin) and is_city_editor(admin_user)
    assert not is_city_editor(resident)


@pytest.mark.django_db
def test_quarters_for_user(manager, city_admin, resident, quarter, other_quarter):
    from quartier.quarters.models import Quarter

    assert list(Quarter.objects.for_user(manager)) == [quarter]
    assert set(Quarter.objects.for_user(city_admin)) == {quarter, other_quarter}
    assert not Quarter.objects.for_user(resident).exists()
