"""Emails about events and registrations, and the daily housekeeping."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.mail import send_mail, send_mass_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from quartier.accounts.models import User

from .models import BERLIN, Event, Occurrence, Registration


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _nested(title: str) -> str:
    """A title for inside „…“: its own quotation marks become ‚…‘, as German nests them.

    „Stadtteilspaziergang „Rosenplatz einst und jetzt““ reads as two quotes.
    """
    return title.translate(str.maketrans({"„": "‚", "“": "‘", '"': "'"}))


def _registration_mail(registration: Registration, kind: str, subject: str) -> None:
    to = registration.contact_email
    if not to:
        return
    context = {
        "registration": registration,
        "occurrence": registration.occurrence,
        "event": registration.occurrence.event,
        "kind": kind,
        "event_url": _absolute(registration.occurrence.event.get_absolute_url()),
        "confirm_url": _absolute(registration.get_confirm_url()),
        "cancel_url": _absolute(registration.get_cancel_url()),
        "retention_days": settings.QUARTIER_EVENTS_RETENTION_DAYS,
    }
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string("events/email/registration.txt", context)
        send_mail(subject=subject, message=body, from_email=None, recipient_list=[to])


def _get_registration(registration_id: int) -> Registration:
    return Registration.objects.select_related("occurrence__event__venue", "user").get(
        pk=registration_id
    )


@task()
def send_registration_optin(registration_id: int) -> None:
    registration = _get_registration(registration_id)
    _registration_mail(
        registration,
        "optin",
        _("Bitte bestätigen: Anmeldung zu „%(title)s“")
        % {"title": _nested(registration.occurrence.event.title)},
    )


@task()
def send_registration_confirmation(registration_id: int) -> None:
    registration = _get_registration(registration_id)
    if registration.status == Registration.Status.WAITLISTED:
        subject = _("Warteliste: „%(title)s“")
    else:
        subject = _("Angemeldet: „%(title)s“")
    _registration_mail(
        registration,
        registration.status,
        subject % {"title": _nested(registration.occurrence.event.title)},
    )


@task()
def send_registration_withdrawn(registration_id: int) -> None:
    """The person cancelled: confirm it, so nobody wonders whether the click worked."""
    registration = _get_registration(registration_id)
    _registration_mail(
        registration,
        "withdrawn",
        _("Abgemeldet: „%(title)s“")
        % {"title": _nested(registration.occurrence.event.title)},
    )


@task()
def send_moved_up(registration_id: int) -> None:
    registration = _get_registration(registration_id)
    _registration_mail(
        registration,
        "moved_up",
        _("Ein Platz ist frei geworden: „%(title)s“")
        % {"title": _nested(registration.occurrence.event.title)},
    )


def _mail_active_registrations(occurrences, kind: str, subject: str) -> int:
    registrations = Registration.objects.active().filter(occurrence__in=occurrences)
    count = 0
    for registration in registrations.select_related(
        "occurrence__event__venue", "user"
    ):
        _registration_mail(registration, kind, subject)
        count += 1
    return count


@task()
def send_occurrence_cancelled(occurrence_id: int) -> None:
    occurrence = Occurrence.objects.select_related("event").get(pk=occurrence_id)
    _mail_active_registrations(
        [occurrence],
        "cancelled",
        _("Abgesagt: „%(title)s“") % {"title": _nested(occurrence.event.title)},
    )


@task()
def send_occurrence_moved(occurrence_id: int) -> None:
    occurrence = Occurrence.objects.select_related("event").get(pk=occurrence_id)
    _mail_active_registrations(
        [occurrence],
        "moved",
        _("Neuer Termin: „%(title)s“") % {"title": _nested(occurrence.event.title)},
    )


@task()
def send_event_changed(event_id: int) -> None:
    event = Event.objects.get(pk=event_id)
    _mail_active_registrations(
        event.occurrences.upcoming(),
        "changed",
        _("Geändert: „%(title)s“") % {"title": _nested(event.title)},
    )


def _team_emails(event: Event) -> list[str]:

    return list(
        User.objects.filter(
            groups__managed_quarter__in=event.quarters.all(), is_active=True
        )
        .values_list("email", flat=True)
        .distinct()
    )


@task()
def send_review_request(event_id: int) -> None:
    from django.urls import reverse

    event = Event.objects.get(pk=event_id)
    recipients = _team_emails(event)
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        body = _(
            "Eine Veranstaltung wartet auf Ihre Prüfung: %(title)s\n\nPrüfen: %(url)s"
        ) % {"title": event.title, "url": _absolute(reverse("events:review_list"))}
        send_mail(
            subject=_("Zu prüfen: „%(title)s“") % {"title": _nested(event.title)},
            message=body,
            from_email=None,
            recipient_list=recipients,
        )


@task()
def send_review_result(event_id: int) -> None:
    event = Event.objects.select_related("submitted_by").get(pk=event_id)
    if not event.submitted_by:
        return
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string(
            "events/email/review_result.txt",
            {"event": event, "event_url": _absolute(event.get_absolute_url())},
        )
        send_mail(
            subject=_("Ihre Veranstaltung „%(title)s“: %(status)s")
            % {"title": _nested(event.title), "status": event.get_status_display()},
            message=body,
            from_email=None,
            recipient_list=[event.submitted_by.email],
        )


@task()
def send_message_to_attendees(occurrence_id: int, subject: str, message: str) -> int:
    """The organiser's own message to everyone registered for one date."""
    occurrence = Occurrence.objects.get(pk=occurrence_id)
    emails = {
        r.contact_email
        for r in occurrence.registrations.active().select_related("user")
        if r.contact_email
    }
    # One mail per person: attendees must not see each other's addresses.
    send_mass_mail([(subject, message, None, [email]) for email in sorted(emails)])
    return len(emails)


@task()
def send_reminders(today: str | None = None) -> int:
    """Remind everyone with a seat the day before; each registration once."""
    day = dt.date.fromisoformat(today) if today else timezone.localdate()
    tomorrow = day + dt.timedelta(days=1)
    start = dt.datetime.combine(tomorrow, dt.time(), BERLIN)
    end = start + dt.timedelta(days=1)
    registrations = (
        Registration.objects.confirmed()
        .filter(
            reminded_at__isnull=True,
            occurrence__starts_at__gte=start,
            occurrence__starts_at__lt=end,
            occurrence__status=Occurrence.Status.SCHEDULED,
            occurrence__event__status=Event.Status.PUBLISHED,
        )
        .select_related("occurrence__event__venue", "user")
    )
    sent = 0
    for registration in registrations:
        _registration_mail(
            registration,
            "reminder",
            _("Erinnerung: morgen „%(title)s“")
            % {"title": _nested(registration.occurrence.event.title)},
        )
        Registration.objects.filter(pk=registration.pk).update(
            reminded_at=timezone.now()
        )
        sent += 1
    return sent
