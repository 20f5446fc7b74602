import datetime as dt

import pytest
import time_machine
from django.core.management import call_command

from quartier.accounts.tests.factories import UserFactory
from quartier.events.models import BERLIN, Registration
from quartier.events.services import registration_create, registrations_anonymise
from quartier.events.tasks import send_reminders

from .factories import EventFactory, local

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 11, 10)


@pytest.fixture
def registered(quarter, mailoutbox):
    with time_machine.travel(dt.datetime(2026, 11, 1, 9, tzinfo=BERLIN)):
        event = EventFactory(
            quarters=[quarter],
            registration_enabled=True,
            starts_at=local(DAY, 15),
            ends_at=local(DAY, 17),
        )
        registration = registration_create(
            occurrence=event.occurrences.get(), user=UserFactory(), note="Rollstuhl"
        )
    mailoutbox.clear()
    return registration


def test_reminder_the_day_before_once(registered, mailoutbox):
    assert send_reminders.call(today=(DAY - dt.timedelta(days=2)).isoformat()) == 0
    assert send_reminders.call(today=(DAY - dt.timedelta(days=1)).isoformat()) == 1
    assert mailoutbox[0].to == [registered.user.email]
    assert "Erinnerung" in mailoutbox[0].subject
    assert send_reminders.call(today=(DAY - dt.timedelta(days=1)).isoformat()) == 0


def test_personal_data_deleted_after_retention_days(registered, settings):
    settings.QUARTIER_EVENTS_RETENTION_DAYS = 30
    assert registrations_anonymise(today=DAY + dt.timedelta(days=30)) == 0
    assert registrations_anonymise(today=DAY + dt.timedelta(days=31)) == 1
    registered.refresh_from_db()
    assert registered.user is None
    assert registered.note == registered.email == registered.name == ""
    assert registered.seats == 1  # statistics stay
    assert registrations_anonymise(today=DAY + dt.timedelta(days=40)) == 0


def test_retention_is_configurable(registered, settings):
    settings.QUARTIER_EVENTS_RETENTION_DAYS = 7
    assert registrations_anonymise(today=DAY + dt.timedelta(days=8)) == 1


def test_daily_command_runs_both(registered, mailoutbox):
    with time_machine.travel(dt.datetime(2026, 11, 9, 7, tzinfo=BERLIN)):
        call_command("events_daily", stdout=open("/dev/null", "w"))
    assert len(mailoutbox) == 1
    with time_machine.travel(dt.datetime(2026, 12, 12, 7, tzinfo=BERLIN)):
        call_command("events_daily", stdout=open("/dev/null", "w"))
    assert Registration.objects.get().anonymised_at is not None
