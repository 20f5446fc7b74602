import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from quartier.community.models import Membership
from quartier.events.models import Event

from .factories import EventFactory

pytestmark = pytest.mark.django_db


def _submission(quarter, venue, organisation, **extra):
    day = timezone.localdate() + dt.timedelta(days=10)
    return {
        "title": "Flohmarkt im Hof",
        "description": "Kinder verkaufen Spielzeug.",
        "organisation": organisation.pk,
        "venue": venue.pk,
        "category": "leisure",
        "date": day.isoformat(),
        "start_time": "10:00",
        "end_time": "13:00",
        "language_codes": ["de"],
        "target_group_codes": ["families"],
        "quarters": [quarter.pk],
        **extra,
    }


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("resident", 403),
        ("org_rep", 200),
        ("moderator", 403),
        ("other_manager", 403),
        ("manager", 403),
        ("city_admin", 403),
    ],
)
def test_submit_form_access(client, login_as, organisation, role, status):
    login_as(role)
    assert client.get(reverse("events:submit")).status_code == status


def test_unverified_membership_cannot_submit(client, organisation, resident):
    Membership.objects.create(organisation=organisation, user=resident)
    client.force_login(resident)
    assert client.get(reverse("events:submit")).status_code == 403


def test_submit_review_changes_resubmit_approve(
    client,
    quarter,
    venue,
    organisation,
    org_rep,
    manager,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    client.force_login(org_rep)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("events:submit"), _submission(quarter, venue, organisation)
        )
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.status == Event.Status.SUBMITTED
    assert event.occurrences.count() == 1
    assert mailoutbox[-1].to == [manager.email]
    assert list(client.get(reverse("events:list")).context["occurrences"]) == []

    client.force_login(manager)
    assert event.title in client.get(reverse("events:review_list")).content.decode()
    response = client.post(
        reverse("events:review", kwargs={"pk": event.pk}), {"decision": "changes"}
    )
    assert response.status_code == 200  # a message is required
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("events:review", kwargs={"pk": event.pk}),
            {"decision": "changes", "message": "Bitte Uhrzeit prüfen."},
        )
    event.refresh_from_db()
    assert event.status == Event.Status.CHANGES_REQUESTED
    assert mailoutbox[-1].to == [org_rep.email]
    assert "Bitte Uhrzeit prüfen." in mailoutbox[-1].body

    client.force_login(org_rep)
    edit = reverse("events:edit_submission", kwargs={"pk": event.pk})
    assert client.get(edit).status_code == 200
    client.post(edit, _submission(quarter, venue, organisation, start_time="11:00"))
    event.refresh_from_db()
    assert event.status == Event.Status.SUBMITTED
    assert event.occurrences.get().local_start.hour == 11

    client.force_login(manager)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("events:review", kwargs={"pk": event.pk}), {"decision": "approve"}
        )
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED
    assert (
        client.get(
            reverse("events:edit_submission", kwargs={"pk": event.pk})
        ).status_code
        == 404
    )


def test_reject_needs_reason(client, quarter, manager, mailoutbox):
    event = EventFactory(quarters=[quarter], status=Event.Status.SUBMITTED)
    client.force_login(manager)
    client.post(
        reverse("events:review", kwargs={"pk": event.pk}), {"decision": "reject"}
    )
    event.refresh_from_db()
    assert event.status == Event.Status.SUBMITTED


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("resident", 404),
        ("org_rep", 404),
        ("moderator", 404),
        ("other_manager", 404),
        ("manager", 302),
        ("city_admin", 302),
    ],
)
def test_review_decision_access(client, login_as, quarter, role, status):
    event = EventFactory(quarters=[quarter], status=Event.Status.SUBMITTED)
    login_as(role)
    response = client.post(
        reverse("events:review", kwargs={"pk": event.pk}), {"decision": "approve"}
    )
    assert response.status_code == status
    event.refresh_from_db()
    assert (event.status == Event.Status.PUBLISHED) == (
        status == 302 and role != "anonymous"
    )


def test_review_list_only_shows_own_quarters(
    client, quarter, other_quarter, other_manager
):
    EventFactory(
        quarters=[quarter], status=Event.Status.SUBMITTED, title="Schinkel-Fest"
    )
    client.force_login(other_manager)
    assert (
        "Schinkel-Fest"
        not in client.get(reverse("events:review_list")).content.decode()
    )


@pytest.mark.parametrize(
    "role",
    ["resident", "org_rep", "moderator", "other_manager", "manager", "city_admin"],
)
def test_my_events_lists_only_own_submissions(client, request, quarter, role):
    user = request.getfixturevalue(role)
    EventFactory(quarters=[quarter], title="Eigene Einreichung", submitted_by=user)
    EventFactory(quarters=[quarter], title="Fremde Einreichung")
    client.force_login(user)
    body = client.get(reverse("events:mine")).content.decode()
    assert "Eigene Einreichung" in body
    assert "Fremde Einreichung" not in body


def test_my_events_needs_login(client, db):
    assert client.get(reverse("events:mine")).status_code == 302
