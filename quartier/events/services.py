"""Writes with side effects: occurrences, reviews, cancellations, registrations."""

from __future__ import annotations

import datetime as dt
from functools import partial

from django.db import IntegrityError, models, transaction
from django.db.models import Q, Sum
from django.utils import timezone

from .models import BERLIN, Event, Occurrence, Registration
from .recurrence import expand
from .tasks import (
    send_event_changed,
    send_moved_up,
    send_occurrence_cancelled,
    send_occurrence_moved,
    send_registration_confirmation,
    send_registration_optin,
    send_registration_withdrawn,
    send_review_request,
    send_review_result,
)


class RegistrationError(Exception):
    """A registration that cannot be taken; the message is for the user."""


@transaction.atomic
def occurrences_sync(*, event: Event, horizon: dt.datetime | None = None) -> int:
    """Create the occurrences the event's dates call for and drop the ones that are gone.

    Occurrences changed one by one (moved or cancelled) are kept. A date that vanished
    from the rule but has registrations is cancelled instead of deleted, so nobody loses
    the record of their seat. Returns the number of occurrences created.
    """
    duration = event.local_duration()
    wanted = expand(event, horizon=horizon)
    wanted_utc = {start.astimezone(dt.UTC) for start in wanted}
    existing = {occ.original_start: occ for occ in event.occurrences.all()}
    created = [
        Occurrence(
            event=event,
            original_start=start,
            starts_at=start,
            ends_at=_local_add(start, duration),
        )
        for start in wanted
        if start.astimezone(dt.UTC) not in existing
    ]
    Occurrence.objects.bulk_create(created)
    for original_start, occ in existing.items():
        if original_start in wanted_utc:
            if not occ.is_modified:
                start = timezone.localtime(original_start)
                end = _local_add(start, duration)
                if occ.starts_at != start or occ.ends_at != end:
                    occ.starts_at, occ.ends_at = start, end
                    occ.save(update_fields=["starts_at", "ends_at"])
            continue
        if occ.is_modified:
            continue
        if occ.registrations.exists():
            occ.status = Occurrence.Status.CANCELLED
            occ.save(update_fields=["status"])
        else:
            occ.delete()
    return len(created)


def _local_add(start: dt.datetime, duration: dt.timedelta) -> dt.datetime:

    local = timezone.localtime(start, BERLIN).replace(tzinfo=None) + duration
    return local.replace(tzinfo=BERLIN)


@transaction.atomic
def event_save(*, event: Event, quarters=None, notify: bool = True) -> Event:
    """Save an event, its quarters and its occurrences; see `event_changed`."""
    before = Event.objects.filter(pk=event.pk).first() if event.pk else None
    event.save()
    if quarters is not None:
        event.quarters.set(quarters)
    occurrences_sync(event=event)
    event_changed(event=event, before=before, notify=notify)
    return event


def event_changed(*, event: Event, before: Event | None, notify: bool = True) -> bool:
    """If a public event's time or place changed, raise its SEQUENCE and tell people.

    Calendar apps replace their copy when SEQUENCE grows; registered people are
    emailed after commit. Returns whether anything relevant changed.
    """
    if before is None or not before.is_public:
        return False
    newly_cancelled = (
        event.status == Event.Status.CANCELLED
        and before.status != Event.Status.CANCELLED
    )
    fields = ("starts_at", "ends_at", "rrule", "exdates", "venue_id", "title")
    if not newly_cancelled and all(
        getattr(before, f) == getattr(event, f) for f in fields
    ):
        return False
    Event.objects.filter(pk=event.pk).update(sequence=models.F("sequence") + 1)
    event.sequence = before.sequence + 1
    if notify and newly_cancelled:
        # Cancelled in the admin: the same mail as a cancellation by service.

        for occ in event.occurrences.upcoming():
            transaction.on_commit(
                partial(send_occurrence_cancelled.enqueue, occurrence_id=occ.pk)
            )
    elif notify:
        transaction.on_commit(partial(send_event_changed.enqueue, event_id=event.pk))
    return True


@transaction.atomic
def event_submit(*, event: Event, user, quarters) -> Event:
    """An organisation member's event goes to the quarter teams for review."""
    event.status = Event.Status.SUBMITTED
    event.submitted_by = event.submitted_by or user
    event_save(event=event, quarters=quarters, notify=False)

    transaction.on_commit(partial(send_review_request.enqueue, event_id=event.pk))
    return event


class Decision:
    APPROVE = "approve"
    REQUEST_CHANGES = "changes"
    REJECT = "reject"
    CHOICES = (APPROVE, REQUEST_CHANGES, REJECT)


@transaction.atomic
def event_review(*, event: Event, decision: str, message: str = "") -> Event:
    """Approve, ask for changes (with a message) or reject (with a reason).

    Locks the event so two team members cannot decide at once; emails the submitter.
    """
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.status != Event.Status.SUBMITTED:
        raise ValueError("Only submitted events can be reviewed.")
    if decision != Decision.APPROVE and not message.strip():
        raise ValueError("A message is required to ask for changes or reject.")
    event.status = {
        Decision.APPROVE: Event.Status.PUBLISHED,
        Decision.REQUEST_CHANGES: Event.Status.CHANGES_REQUESTED,
        Decision.REJECT: Event.Status.REJECTED,
    }[decision]
    event.review_message = message.strip()
    event.save(update_fields=["status", "review_message", "updated_at"])

    transaction.on_commit(partial(send_review_result.enqueue, event_id=event.pk))
    return event


@transaction.atomic
def event_cancel(*, event: Event, reason: str) -> Event:
    """Cancel the whole event (every date); registered people are emailed."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    event.status = Event.Status.CANCELLED
    event.cancellation_reason = reason
    event.sequence += 1
    event.save(
        update_fields=["status", "cancellation_reason", "sequence", "updated_at"]
    )

    for occ in event.occurrences.upcoming():
        transaction.on_commit(
            partial(send_occurrence_cancelled.enqueue, occurrence_id=occ.pk)
        )
    return event


@transaction.atomic
def occurrence_cancel(*, occurrence: Occurrence, note: str = "") -> Occurrence:
    """Cancel one date of a series without touching the others; emails its people."""
    occurrence = Occurrence.objects.select_for_update().get(pk=occurrence.pk)
    occurrence.status = Occurrence.Status.CANCELLED
    occurrence.is_modified = True
    occurrence.note = note
    occurrence.save(update_fields=["status", "is_modified", "note"])
    Event.objects.filter(pk=occurrence.event_id).update(
        sequence=occurrence.event.sequence + 1
    )

    transaction.on_commit(
        partial(send_occurrence_cancelled.enqueue, occurrence_id=occurrence.pk)
    )
    return occurrence


@transaction.atomic
def occurrence_move(
    *,
    occurrence: Occurrence,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    note: str = "",
) -> Occurrence:
    """Move one date; the series keeps its rule. Registered people are emailed."""
    if ends_at <= starts_at:
        raise ValueError("An occurrence must end after it starts.")
    occurrence = Occurrence.objects.select_for_update().get(pk=occurrence.pk)
    occurrence.starts_at, occurrence.ends_at = starts_at, ends_at
    occurrence.is_modified = True
    occurrence.note = note
    occurrence.save(update_fields=["starts_at", "ends_at", "is_modified", "note"])
    Event.objects.filter(pk=occurrence.event_id).update(
        sequence=occurrence.event.sequence + 1
    )

    transaction.on_commit(
        partial(send_occurrence_moved.enqueue, occurrence_id=occurrence.pk)
    )
    return occurrence


def _seats_taken(occurrence: Occurrence) -> int:
    return occurrence.registrations.confirmed().aggregate(n=Sum("seats"))["n"] or 0


def _place(registration: Registration, occurrence: Occurrence) -> None:
    """Give a seat if enough are left, else a waitlist place (or refuse)."""
    capacity = occurrence.event.capacity
    if capacity is None or _seats_taken(occurrence) + registration.seats <= capacity:
        registration.status = Registration.Status.CONFIRMED
    elif occurrence.event.waitlist_enabled:
        registration.status = Registration.Status.WAITLISTED
    else:
        raise RegistrationError("full")
    registration.queued_at = timezone.now()


@transaction.atomic
def registration_create(
    *,
    occurrence: Occurrence,
    user=None,
    name: str = "",
    email: str = "",
    seats: int = 1,
    note: str = "",
) -> Registration:
    """Register for one date, or wait-list if it is full.

    With a verified account the seat is decided at once; without one the registration
    waits for the email address to be confirmed (double opt-in) and the seat is decided
    then. Locks the occurrence row so two people cannot both take the last seat.
    Raises RegistrationError("closed"|"full"|"duplicate"). Queues the mail after commit.
    """
    occurrence = (
        Occurrence.objects.select_for_update()
        .select_related("event")
        .get(pk=occurrence.pk)
    )
    if not occurrence.registration_open():
        raise RegistrationError("closed")
    registration = Registration(
        occurrence=occurrence,
        user=user,
        name=name,
        email="" if user else email.strip().lower(),
        seats=seats,
        note=note,
        consent_at=timezone.now(),
    )
    if user is not None:
        _place(registration, occurrence)
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError as error:
        raise RegistrationError("duplicate") from error

    task = send_registration_confirmation if user else send_registration_optin
    transaction.on_commit(partial(task.enqueue, registration_id=registration.pk))
    return registration


@transaction.atomic
def registration_confirm(*, registration: Registration) -> Registration:
    """The email link was followed: decide seat or waitlist under the occurrence lock."""
    occurrence = Occurrence.objects.select_for_update().get(
        pk=registration.occurrence_id
    )
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status != Registration.Status.PENDING:
        return registration
    if not occurrence.registration_open():
        raise RegistrationError("closed")
    _place(registration, occurrence)
    registration.save(update_fields=["status", "queued_at"])

    transaction.on_commit(
        partial(send_registration_confirmation.enqueue, registration_id=registration.pk)
    )
    return registration


@transaction.atomic
def registration_cancel(*, registration: Registration) -> list[Registration]:
    """Cancel a registration and move waitlisted people up into the freed seats.

    Locks the occurrence; after commit, confirms the cancellation by email and emails
    each person who moved up. Returns them.
    """

    occurrence = (
        Occurrence.objects.select_for_update()
        .select_related("event")
        .get(pk=registration.occurrence_id)
    )
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == Registration.Status.CANCELLED:
        return []
    had_seat = registration.status == Registration.Status.CONFIRMED
    registration.status = Registration.Status.CANCELLED
    registration.save(update_fields=["status"])
    transaction.on_commit(
        partial(send_registration_withdrawn.enqueue, registration_id=registration.pk)
    )
    if not had_seat:
        return []
    return _move_up(occurrence)


def _move_up(occurrence: Occurrence) -> list[Registration]:

    capacity = occurrence.event.capacity
    free = None if capacity is None else capacity - _seats_taken(occurrence)
    moved = []
    for waiting in occurrence.registrations.waitlisted().select_for_update():
        if free is not None and waiting.seats > free:
            # First come, first served: nobody jumps the queue with a smaller group.
            break
        waiting.status = Registration.Status.CONFIRMED
        waiting.save(update_fields=["status"])
        moved.append(waiting)
        if free is not None:
            free -= waiting.seats
        transaction.on_commit(
            partial(send_moved_up.enqueue, registration_id=waiting.pk)
        )
    return moved


@transaction.atomic
def registrations_anonymise(*, today: dt.date | None = None) -> int:
    """Delete the personal data of registrations N days after their date.

    Name, email, note and the account link go; seat counts stay for statistics.
    """
    now = timezone.now()
    return Registration.objects.expired(today).update(
        name="", email="", note="", user=None, anonymised_at=now
    )


@transaction.atomic
def registrations_release_for_account(*, user, emails: frozenset[str]) -> int:
    """Before `user`'s account is deleted: free its seats and remove its data.

    Registrations for dates still to come are cancelled through `registration_cancel`,
    so the waitlist moves up (and those people get their mail). Name, address, note and
    the account link go from every registration of the account or its verified
    addresses; seat counts of past dates stay for statistics. Returns how many changed.
    """
    mine = Registration.objects.filter(Q(user=user) | Q(email__in=emails))
    upcoming = mine.exclude(status=Registration.Status.CANCELLED).filter(
        occurrence__ends_at__gte=timezone.now()
    )
    for registration in upcoming:
        registration_cancel(registration=registration)
    Event.objects.filter(contact_email__in=emails).update(
        contact_name="", contact_email="", contact_phone=""
    )
    return mine.update(
        name="", email="", note="", user=None, anonymised_at=timezone.now()
    )
