import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from quartier.funds.models import FundRound, Status
from quartier.funds.services import (
    FundError,
    application_problems,
    application_start,
    application_submit,
)

from .factories import FundApplicationFactory


def test_complete_application_submits_and_logs(make_application, applicant):
    draft = make_application(status=Status.DRAFT)
    application_submit(application=draft, actor=applicant)
    draft.refresh_from_db()
    assert draft.status == Status.SUBMITTED
    assert draft.submitted_at is not None
    assert draft.history.get().actor == applicant


def test_incomplete_application_is_refused_with_reasons(make_application, applicant):
    draft = make_application(status=Status.DRAFT, costs=[], title="")
    with pytest.raises(FundError) as error:
        application_submit(application=draft, actor=applicant)
    assert "Bitte ausfüllen: Titel des Projekts." in error.value.messages
    assert (
        "Bitte tragen Sie mindestens eine Kostenposition ein." in error.value.messages
    )
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_budget_check_against_what_is_left(fund, make_application):
    FundApplicationFactory(
        fund=fund, status=Status.APPROVED, approved_amount=Decimal("4700.00")
    )
    draft = make_application(status=Status.DRAFT)  # asks for 500
    assert "Im Fonds sind in diesem Jahr nur noch 300.00 € frei." in (
        application_problems(draft)
    )


def test_cap_per_applicant_and_year(fund, make_application):
    fund.max_per_applicant_year = Decimal("800.00")
    fund.save()
    make_application(status=Status.SUBMITTED)  # 500 already asked for
    second = make_application(status=Status.DRAFT)
    problems = application_problems(second)
    assert any("Sie haben schon 500.00 € beantragt" in p for p in problems)


def test_minimum_per_application(fund, make_application):
    fund.min_per_application = Decimal("600.00")
    fund.save()
    draft = make_application(status=Status.DRAFT)
    assert "Je Antrag sind mindestens 600.00 € vorgesehen." in application_problems(
        draft
    )


def test_round_intake_assigns_the_next_round(fund, applicant):
    fund.intake = fund.Intake.ROUNDS
    fund.save()
    with pytest.raises(FundError):
        application_start(fund=fund, applicant=applicant)
    today = timezone.localdate()
    FundRound.objects.create(
        fund=fund, name="Alt", deadline=today - datetime.timedelta(days=1)
    )
    spring = FundRound.objects.create(
        fund=fund, name="Frühjahr", deadline=today + datetime.timedelta(days=20)
    )
    FundRound.objects.create(
        fund=fund, name="Herbst", deadline=today + datetime.timedelta(days=120)
    )
    assert application_start(fund=fund, applicant=applicant).round == spring
