"""The dates of an event and the registrations for them."""

from __future__ import annotations

import datetime as dt
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .events import BERLIN, Event


class OccurrenceQuerySet(models.QuerySet):
    def public(self):
        # A subquery, not a join: SQLite then walks the date index instead of
        # joining 20,000 rows (40 ms → 2 ms for the list's COUNT; bench/).
        return self.filter(event_id__in=Event.objects.published().values("pk"))

    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or timezone.now())

    def past(self, now=None):
        return self.filter(ends_at__lt=now or timezone.now())

    def between(self, start: dt.datetime, end: dt.datetime):
        """Occurrences overlapping [start, end)."""
        return self.filter(starts_at__lt=end, ends_at__gt=start)

    def for_listing(self):
        """Everything a list row, calendar cell or card prints, in two queries."""
        return self.select_related(
            "event__venue", "event__organisation"
        ).prefetch_related("event__quarters")

    def with_seats_taken(self):
        return self.annotate(
            seats_taken=Sum(
                "registrations__seats",
                filter=Q(registrations__status=Registration.Status.CONFIRMED),
                default=0,
            )
        )


class Occurrence(models.Model):
    """One date of an event. `original_start` is the RFC 5545 RECURRENCE-ID."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("findet statt")
        CANCELLED = "cancelled", _("fällt aus")

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="occurrences"
    )
    original_start = models.DateTimeField(_("ursprünglicher Beginn"))
    starts_at = models.DateTimeField(_("Beginn"), db_index=True)
    ends_at = models.DateTimeField(_("Ende"), db_index=True)
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.SCHEDULED
    )
    is_modified = models.BooleanField(_("einzeln geändert"), default=False)
    note = models.CharField(_("Hinweis zum Termin"), max_length=300, blank=True)
    reminders_sent_at = models.DateTimeField(null=True, blank=True)

    objects = OccurrenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("Termin")
        verbose_name_plural = _("Termine")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "original_start"], name="occurrence_once_per_start"
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="occurrence_ends_after_start",
            ),
        ]
        indexes = [models.Index(fields=["starts_at", "ends_at"])]

    def __str__(self) -> str:
        local = timezone.localtime(self.starts_at, BERLIN)
        return f"{self.event.title} – {local:%d.%m.%Y %H:%M}"

    def get_absolute_url(self) -> str:
        return reverse("events:detail", kwargs={"pk": self.event_id}) + (
            f"?termin={self.pk}"
        )

    @property
    def is_cancelled(self) -> bool:
        return (
            self.status == self.Status.CANCELLED
            or self.event.status == Event.Status.CANCELLED
        )

    @property
    def local_start(self) -> dt.datetime:
        return timezone.localtime(self.starts_at, BERLIN)

    @property
    def local_end(self) -> dt.datetime:
        return timezone.localtime(self.ends_at, BERLIN)

    @property
    def registration_deadline(self) -> dt.datetime:
        return self.starts_at - dt.timedelta(
            hours=self.event.registration_deadline_hours
        )

    def registration_open(self, now=None) -> bool:
        now = now or timezone.now()
        return (
            self.event.registration_enabled
            and self.event.status == Event.Status.PUBLISHED
            and self.status == self.Status.SCHEDULED
            and now < self.registration_deadline
        )

    def seats_left(self, seats_taken: int) -> int | None:
        if self.event.capacity is None:
            return None
        return max(0, self.event.capacity - seats_taken)


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(
            status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITLISTED]
        )

    def confirmed(self):
        return self.filter(status=Registration.Status.CONFIRMED)

    def waitlisted(self):
        return self.filter(status=Registration.Status.WAITLISTED).order_by(
            "queued_at", "pk"
        )

    def expired(self, today: dt.date | None = None):
        """Registrations whose personal data must go: N days after the occurrence."""
        today = today or timezone.localdate()
        days = settings.QUARTIER_EVENTS_RETENTION_DAYS
        cutoff = dt.datetime.combine(today - dt.timedelta(days=days), dt.time(), BERLIN)
        return self.filter(occurrence__ends_at__lt=cutoff, anonymised_at__isnull=True)


def _token() -> str:
    return secrets.token_urlsafe(24)


class Registration(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("wartet auf Bestätigung der E-Mail-Adresse")
        CONFIRMED = "confirmed", _("angemeldet")
        WAITLISTED = "waitlisted", _("auf der Warteliste")
        CANCELLED = "cancelled", _("abgesagt")

    occurrence = models.ForeignKey(
        Occurrence, on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
    )
    name = models.CharField(_("Name"), max_length=100, blank=True)
    email = models.EmailField(_("E-Mail-Adresse"), blank=True)
    seats = models.PositiveSmallIntegerField(_("Personen"), default=1)
    note = models.CharField(
        _("Hinweis"),
        max_length=500,
        blank=True,
        help_text=_("z. B. Rollstuhlplatz, Gebärdensprache, Kinderbetreuung"),
    )
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    token = models.CharField(max_length=64, unique=True, default=_token)
    created_at = models.DateTimeField(auto_now_add=True)
    queued_at = models.DateTimeField(
        null=True, blank=True, help_text="When the seat or waitlist place was decided."
    )
    consent_at = models.DateTimeField(_("Einwilligung am"))
    reminded_at = models.DateTimeField(null=True, blank=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("Anmeldung")
        verbose_name_plural = _("Anmeldungen")
        ordering = ["queued_at", "created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(seats__gte=1), name="registration_seats"
            ),
            models.UniqueConstraint(
                fields=["occurrence", "user"],
                condition=Q(user__isnull=False) & ~Q(status="cancelled"),
                name="registration_once_per_user",
            ),
            models.UniqueConstraint(
                fields=["occurrence", "email"],
                condition=~Q(email="") & ~Q(status="cancelled"),
                name="registration_once_per_email",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.display_name} – {self.occurrence_id}"

    @property
    def display_name(self) -> str:
        if self.user_id and not self.name:
            return self.user.public_name
        return self.name or str(_("gelöscht"))

    @property
    def contact_email(self) -> str:
        return self.email or (self.user.email if self.user_id else "")

    def get_cancel_url(self) -> str:
        return reverse("events:registration_cancel", kwargs={"token": self.token})

    def get_confirm_url(self) -> str:
        return reverse("events:registration_confirm", kwargs={"token": self.token})
