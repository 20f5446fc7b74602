import pytest

from quartier.funds.models import Status


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("applicant", 200),
        ("other_resident", 404),
        ("manager", 200),
        ("other_manager", 404),
        ("jury", 200),
        ("jury_conflicted", 200),
        ("city_admin", 200),
    ],
)
def test_application_detail_access(client, login_as, application, role, status):
    login_as(role)
    assert client.get(application.get_absolute_url()).status_code == status


@pytest.mark.parametrize(
    "state",
    [
        Status.DRAFT,
        Status.SUBMITTED,
        Status.IN_CHECK,
        Status.CHANGES_REQUESTED,
        Status.WITHDRAWN,
    ],
)
def test_jury_sees_nothing_before_the_agenda(client, make_application, jury, state):
    application = make_application(status=state)
    client.force_login(jury)
    assert client.get(application.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    ("role", "sees_personal", "can_vote"),
    [
        ("applicant", True, False),
        ("manager", True, False),
        ("city_admin", True, False),
        ("jury", False, True),
        ("jury_conflicted", False, False),
    ],
)
def test_detail_shows_what_the_role_needs(
    client, login_as, application, role, sees_personal, can_vote
):
    login_as(role)
    page = client.get(application.get_absolute_url()).content.decode()
    assert (application.iban in page) is sees_personal
    assert (application.address in page) is sees_personal
    assert ("Stimme abgeben" in page) is can_vote


def test_applicant_sees_what_happens_next(client, application, applicant):
    client.force_login(applicant)
    page = client.get(application.get_absolute_url()).content.decode()
    assert "Wie geht es weiter?" in page
    assert "liegt der Jury vor" in page


def test_detail_query_count_does_not_grow_with_items(
    client, make_application, manager, django_assert_num_queries
):
    from decimal import Decimal

    small = make_application(costs=[Decimal(10)] * 2)
    large = make_application(costs=[Decimal(10)] * 20)
    client.force_login(manager)
    client.get(small.get_absolute_url())  # warm caches (session, content types)
    with django_assert_num_queries(18):
        client.get(small.get_absolute_url())
    with django_assert_num_queries(18):
        client.get(large.get_absolute_url())
