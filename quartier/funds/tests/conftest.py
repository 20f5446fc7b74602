"""Roles around one fund application (see issue 8): applicant, jury, conflicted jury."""

import pytest

from quartier.accounts.tests.factories import UserFactory
from quartier.funds.models import ConflictOfInterest, Status

from .factories import FundApplicationFactory, FundFactory, JuryMemberFactory


@pytest.fixture
def fund(quarter):
    return FundFactory(
        quarter=quarter, name="Verfügungsfonds Schinkel", slug="schinkel"
    )


@pytest.fixture
def applicant(resident):
    return resident


@pytest.fixture
def other_resident(db):
    return UserFactory(display_name="Nachbar")


@pytest.fixture
def jury(fund):
    return JuryMemberFactory(fund=fund).user


@pytest.fixture
def jury_conflicted(fund):
    return JuryMemberFactory(fund=fund).user


@pytest.fixture
def make_application(fund, applicant, jury_conflicted):
    """An application of `applicant` in the given state; the conflicted juror declared."""

    def make(status=Status.READY, **kwargs):
        application = FundApplicationFactory(
            fund=fund, applicant=applicant, status=status, **kwargs
        )
        ConflictOfInterest.objects.create(
            application=application, member=jury_conflicted.fund_juries.get()
        )
        return application

    return make


@pytest.fixture
def application(make_application):
    return make_application()


ROLES = [
    "anonymous",
    "applicant",
    "other_resident",
    "manager",
    "other_manager",
    "jury",
    "jury_conflicted",
    "city_admin",
]


@pytest.fixture
def verified_user(db):
    return UserFactory()
