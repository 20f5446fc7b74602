import datetime as dt

import pytest
from django.urls import reverse

from quartier.accounts.tests.factories import UserFactory
from quartier.events.models import Occurrence
from quartier.events.services import registration_create

ROLES_ACCESS = [
    ("anonymous", 302),
    ("resident", 404),
    ("org_rep", 404),
    ("moderator", 404),
    ("other_manager", 404),
    ("manager", 200),
    ("city_admin", 200),
]

pytestmark = pytest.mark.django_db


@pytest.fixture
def booked(limited_event):
    occurrence = limited_event.occurrences.get()
    registration_create(occurrence=occurrence, user=UserFactory(display_name="Ayla"))
    registration_create(
        occurrence=occurrence, name="=HYPERLINK()", email="x@example.org", note="WC"
    )
    return limited_event


@pytest.mark.parametrize(("role", "status"), ROLES_ACCESS)
def test_attendee_list_access(client, login_as, booked, role, status):
    login_as(role)
    response = client.get(reverse("events:attendees", kwargs={"pk": booked.pk}))
    assert response.status_code == status
    if status == 200:
        assert "Ayla" in response.content.decode()


@pytest.mark.parametrize(("role", "status"), ROLES_ACCESS)
def test_attendee_csv_access_and_content(client, login_as, booked, role, status):
    login_as(role)
    response = client.get(reverse("events:attendees_csv", kwargs={"pk": booked.pk}))
    assert response.status_code == status
    if status == 200:
        text = response.content.decode("utf-8-sig")
        assert "Ayla" in text
        assert "'=HYPERLINK()" in text  # no formula injection


def test_organiser_member_sees_attendees(client, booked, org_rep):
    from django.utils import timezone

    from quartier.community.models import Membership, Organisation

    organisation = Organisation.objects.create(
        name="Verein", slug="verein", kind="club"
    )
    Membership.objects.create(
        organisation=organisation, user=org_rep, verified_at=timezone.now()
    )
    booked.organisation = organisation
    booked.save()
    client.force_login(org_rep)
    url = reverse("events:attendees", kwargs={"pk": booked.pk})
    assert client.get(url).status_code == 200


def test_message_to_attendees(
    client, booked, manager, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(manager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("events:contact_attendees", kwargs={"pk": booked.pk}),
            {"subject": "Raumänderung", "message": "Wir treffen uns im Garten."},
        )
    assert response.status_code == 302
    assert len(mailoutbox) == 1  # the unconfirmed email registration gets nothing
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        [r.contact_email for r in booked.occurrences.get().registrations.active()]
    )


def test_team_cancels_one_date_and_people_are_told(
    client, booked, manager, mailoutbox, django_capture_on_commit_callbacks
):
    occurrence = booked.occurrences.get()
    client.force_login(manager)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("events:occurrence_cancel", kwargs={"pk": occurrence.pk}),
            {"note": "Krankheit"},
        )
    occurrence.refresh_from_db()
    assert occurrence.status == Occurrence.Status.CANCELLED
    # Both the confirmed and the pending-by-email person? Only active ones get it.
    assert [m.subject.startswith("Abgesagt") for m in mailoutbox] == [True]
    detail = client.get(booked.get_absolute_url()).content.decode()
    assert "fällt aus" in detail


def test_other_team_cannot_cancel(client, booked, other_manager):
    occurrence = booked.occurrences.get()
    client.force_login(other_manager)
    response = client.post(
        reverse("events:occurrence_cancel", kwargs={"pk": occurrence.pk})
    )
    assert response.status_code == 404


@pytest.mark.parametrize(("role", "status"), ROLES_ACCESS)
def test_message_access(client, login_as, booked, role, status, mailoutbox):
    login_as(role)
    response = client.post(
        reverse("events:contact_attendees", kwargs={"pk": booked.pk}),
        {"subject": "Hallo", "message": "Test"},
    )
    assert response.status_code == (302 if status == 200 else status)


@pytest.mark.parametrize(("role", "status"), ROLES_ACCESS)
def test_occurrence_cancel_access(client, login_as, booked, role, status):
    occurrence = booked.occurrences.get()
    login_as(role)
    response = client.post(
        reverse("events:occurrence_cancel", kwargs={"pk": occurrence.pk})
    )
    assert response.status_code == (302 if status == 200 else status)
    occurrence.refresh_from_db()
    assert (occurrence.status == Occurrence.Status.CANCELLED) == (status == 200)


def test_admin_style_cancellation_notifies(
    booked, mailoutbox, django_capture_on_commit_callbacks
):
    from quartier.events.models import Event
    from quartier.events.services import event_save

    mailoutbox.clear()
    booked.status = Event.Status.CANCELLED
    with django_capture_on_commit_callbacks(execute=True):
        event_save(event=booked)
    assert [m.subject.startswith("Abgesagt") for m in mailoutbox] == [True]
    booked.refresh_from_db()
    assert booked.sequence == 1


def test_team_moves_one_date_and_people_are_told(
    client, booked, manager, mailoutbox, django_capture_on_commit_callbacks
):
    occurrence = booked.occurrences.get()
    new_day = occurrence.local_start.date() + dt.timedelta(days=1)
    client.force_login(manager)
    assert (
        "Diesen Termin verschieben"
        in client.get(
            reverse("events:attendees", kwargs={"pk": booked.pk})
        ).content.decode()
    )
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("events:occurrence_move", kwargs={"pk": occurrence.pk}),
            {"date": new_day.isoformat(), "start_time": "18:00", "end_time": "19:00"},
        )
    occurrence.refresh_from_db()
    assert occurrence.is_modified
    assert (occurrence.local_start.date(), occurrence.local_start.hour) == (new_day, 18)
    assert [m.subject.startswith("Neuer Termin") for m in mailoutbox] == [True]


def test_other_team_cannot_move(client, booked, other_manager):
    occurrence = booked.occurrences.get()
    client.force_login(other_manager)
    response = client.post(
        reverse("events:occurrence_move", kwargs={"pk": occurrence.pk}),
        {"date": "2030-01-01", "start_time": "18:00", "end_time": "19:00"},
    )
    assert response.status_code == 404
