import datetime as dt
import re

import pytest
import time_machine
from django.urls import reverse

from quartier.accounts.tests.factories import UserFactory
from quartier.events.models import Registration

from .factories import EventFactory

pytestmark = pytest.mark.django_db


def _register(client, event, **data):
    occurrence = event.occurrences.get()
    payload = {"termin": occurrence.pk, "seats": 1, "consent": "on", **data}
    return client.post(reverse("events:register", kwargs={"pk": event.pk}), payload)


def _link(mail, name: str) -> str:
    return re.search(rf"http://[^\s]+/anmeldung/[^\s/]+/{name}/", mail.body).group(0)


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def test_last_seat_without_account_double_opt_in_cancel_and_move_up(
    client, limited_event, mailoutbox, django_capture_on_commit_callbacks
):
    """The "done when" journey: last seat by email, confirm, cancel, waitlist moves up."""
    occurrence = limited_event.occurrences.get()
    holder = UserFactory()
    client.force_login(holder)
    with django_capture_on_commit_callbacks(execute=True):
        _register(client, limited_event)
    client.logout()
    assert occurrence.registrations.get().status == Registration.Status.CONFIRMED

    with django_capture_on_commit_callbacks(execute=True):
        response = _register(
            client, limited_event, name="Erika Mustermann", email="Erika@Example.org"
        )
    assert response.status_code == 302
    erika = occurrence.registrations.get(email="erika@example.org")
    assert erika.status == Registration.Status.PENDING
    optin = mailoutbox[-1]
    assert optin.to == ["erika@example.org"]
    confirm_url = _path(_link(optin, "bestaetigen"))
    assert client.get(confirm_url).status_code == 200  # a page, not yet a confirmation
    erika.refresh_from_db()
    assert erika.status == Registration.Status.PENDING
    with django_capture_on_commit_callbacks(execute=True):
        client.post(confirm_url)
    erika.refresh_from_db()
    assert erika.status == Registration.Status.CONFIRMED  # the last seat

    with django_capture_on_commit_callbacks(execute=True):
        _register(client, limited_event, name="Max", email="max@example.org")
    max_ = occurrence.registrations.get(email="max@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_path(_link(mailoutbox[-1], "bestaetigen")))
    max_.refresh_from_db()
    assert max_.status == Registration.Status.WAITLISTED
    assert "Warteliste" in mailoutbox[-1].subject

    cancel_url = _path(
        _link(
            next(
                m
                for m in mailoutbox
                if m.to == ["erika@example.org"] and "Angemeldet" in m.subject
            ),
            "absagen",
        )
    )
    assert client.get(cancel_url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        client.post(cancel_url)
    erika.refresh_from_db()
    max_.refresh_from_db()
    assert erika.status == Registration.Status.CANCELLED
    assert max_.status == Registration.Status.CONFIRMED
    assert mailoutbox[-1].to == ["max@example.org"]
    assert "frei geworden" in mailoutbox[-1].subject


def test_form_errors_rerender_with_status_200(client, limited_event):
    response = _register(client, limited_event, name="", email="kein-mail", consent="")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'aria-invalid="true"' in body
    assert "form-errors" in body
    assert not Registration.objects.exists()


def test_htmx_error_swaps_only_registration(client, limited_event):
    occurrence = limited_event.occurrences.get()
    response = client.post(
        reverse("events:register", kwargs={"pk": limited_event.pk}),
        {"termin": occurrence.pk, "seats": 1},
        headers={"HX-Request": "true"},
    )
    body = response.content.decode()
    assert body.lstrip().startswith('<section id="registration"')


def test_htmx_success_answers_with_the_box_and_its_message(client, limited_event):
    """Not a redirect: htmx would follow it and swap the whole page into the box."""
    occurrence = limited_event.occurrences.get()
    response = client.post(
        reverse("events:register", kwargs={"pk": limited_event.pk}),
        {
            "termin": occurrence.pk,
            "seats": 1,
            "name": "Erika",
            "email": "erika@example.org",
            "consent": "on",
        },
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert body.lstrip().startswith('<section id="registration"')
    assert "<h1" not in body and "<main" not in body and "<header" not in body
    assert "data-swap-focus" in body and "Fast geschafft" in body
    assert Registration.objects.count() == 1
    # The message was shown in the box; it does not turn up again on the next page.
    assert (
        "Fast geschafft"
        not in client.get(limited_event.get_absolute_url()).content.decode()
    )


def test_duplicate_registration_is_a_form_error(client, limited_event, resident):
    client.force_login(resident)
    _register(client, limited_event)
    response = _register(client, limited_event)
    assert response.status_code == 200
    assert "schon eine Anmeldung" in response.content.decode()
    assert Registration.objects.count() == 1


def test_full_event_without_waitlist_refuses(client, quarter, venue, resident):
    event = EventFactory(
        quarters=[quarter],
        venue=venue,
        registration_enabled=True,
        capacity=1,
        waitlist_enabled=False,
    )
    client.force_login(UserFactory())
    _register(client, event)
    client.force_login(resident)
    response = _register(client, event)
    assert "ausgebucht" in response.content.decode()


def test_registration_closes_at_deadline(client, quarter, venue, resident):
    event = EventFactory(
        quarters=[quarter],
        venue=venue,
        registration_enabled=True,
        registration_deadline_hours=24,
    )
    client.force_login(resident)
    occurrence = event.occurrences.get()
    with time_machine.travel(occurrence.starts_at - dt.timedelta(hours=2)):
        response = _register(client, event)
    assert response.status_code == 200
    assert not Registration.objects.exists()


def test_unverified_account_cannot_register(client, limited_event):
    client.force_login(UserFactory(verified=False))
    response = _register(client, limited_event)
    assert response.status_code == 302
    assert not Registration.objects.exists()


def test_unknown_token_is_404(client):
    assert client.get("/veranstaltungen/anmeldung/nichts/absagen/").status_code == 404
