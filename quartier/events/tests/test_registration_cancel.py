"""Cancelling by the link in the mail: a confirmation mail, a fitting thank-you, one promise."""

import re

import pytest
from django.urls import reverse

from quartier.events.models import Registration
from quartier.events.services import registration_create

from .factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def booked(quarter, venue, django_capture_on_commit_callbacks):
    event = EventFactory(
        quarters=[quarter],
        venue=venue,
        title="Stadtteilspaziergang „Rosenplatz einst und jetzt“",
        registration_enabled=True,
        capacity=5,
    )
    with django_capture_on_commit_callbacks(execute=True):
        registration = registration_create(
            occurrence=event.occurrences.get(),
            user=None,
            name="Erika",
            email="erika@example.org",
        )
    registration.status = Registration.Status.CONFIRMED
    registration.save(update_fields=["status"])
    return registration


def test_cancelling_sends_a_mail_and_thanks_for_saying_so(
    client, booked, mailoutbox, django_capture_on_commit_callbacks, settings
):
    mailoutbox.clear()
    url = reverse("events:registration_cancel", kwargs={"token": booked.token})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, follow=True)
    body = response.content.decode()
    assert "Danke, dass Sie Bescheid gesagt haben" in body
    assert "Nachricht" not in body
    (mail,) = mailoutbox
    assert mail.to == ["erika@example.org"]
    assert mail.subject.startswith("Abgemeldet:")
    assert "Ihre Anmeldung ist abgesagt" in mail.body
    assert "/absagen/" not in mail.body  # nothing left to cancel
    days = settings.QUARTIER_EVENTS_RETENTION_DAYS
    assert f"{days} Tage nach dem Termin" in mail.body

    # Twice is still one cancellation and one mail.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    assert len(mailoutbox) == 1


def test_subjects_nest_the_quotes_of_a_title(booked, mailoutbox):
    """„Stadtteilspaziergang „Rosenplatz einst und jetzt““ read as two quotes."""
    (optin,) = mailoutbox
    assert optin.subject == (
        "Bitte bestätigen: Anmeldung zu "
        "„Stadtteilspaziergang ‚Rosenplatz einst und jetzt‘“"
    )


def test_the_form_and_the_mail_promise_the_same_deletion(
    client, booked, mailoutbox, settings
):
    settings.QUARTIER_EVENTS_RETENTION_DAYS = 14
    page = client.get(booked.occurrence.event.get_absolute_url()).content.decode()
    promise = re.search(r"(\d+) Tage nach dem Termin gelöscht", page)
    assert promise and promise.group(1) == "14"
    from quartier.events.tasks import send_registration_confirmation

    mailoutbox.clear()
    send_registration_confirmation.call(registration_id=booked.pk)
    assert "14 Tage nach dem Termin" in mailoutbox[0].body
