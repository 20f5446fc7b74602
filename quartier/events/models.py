"""Events (Veranstaltungen) and regular offers, their occurrences and registrations.

A regular offer is one Event with an RFC 5545 RRULE; its dates are materialised as
Occurrence rows, so lists, calendars and seat counts are plain indexed queries. A single
occurrence can be cancelled or moved without touching the series.
"""

from __future__ import annotations

import datetime as dt
import secrets
import uuid
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models import Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from quartier.core.geo import optional_point_constraint
from quartier.quarters.models import Quarter

BERLIN = ZoneInfo("Europe/Berlin")


class Category(models.TextChoices):
    FESTIVAL = "festival", _("Stadtteilfest")
    MEETING = "meeting", _("Nachbarschaftstreff")
    EDUCATION = "education", _("Bildung")
    LEISURE = "leisure", _("Freizeit")
    SPORT = "sport", _("Sport")
    CULTURE = "culture", _("Kultur")
    ADVICE = "advice", _("Beratung")
    VOLUNTEERING = "volunteering", _("Ehrenamt")
    PARTICIPATION = "participation", _("Beteiligung")


class TargetGroup(models.TextChoices):
    CHILDREN = "children", _("Kinder")
    YOUTH = "youth", _("Jugendliche")
    FAMILIES = "families", _("Familien")
    SENIORS = "seniors", _("Seniorinnen und Senioren")
    EVERYONE = "everyone", _("alle")


class Language(models.TextChoices):
    GERMAN = "de", _("Deutsch")
    ENGLISH = "en", _("Englisch")
    TURKISH = "tr", _("Türkisch")
    ARABIC = "ar", _("Arabisch")
    RUSSIAN = "ru", _("Russisch")
    UKRAINIAN = "uk", _("Ukrainisch")
    POLISH = "pl", _("Polnisch")
    KURDISH = "ku", _("Kurdisch")
    SIGN = "gsg", _("Gebärdensprache")


def split_codes(value: str) -> list[str]:
    return [code for code in value.split(",") if code]


def join_codes(codes) -> str:
    """ ",a,b," so one code is found with icontains(",a,") on SQLite and PostgreSQL."""
    codes = [c for c in codes if c]
    return f",{','.join(codes)}," if codes else ""


class VenueQuerySet(models.QuerySet):
    def located(self):
        return self.filter(longitude__isnull=False, latitude__isnull=False)


class Venue(models.Model):
    """A place from the managed list: address, map point and accessibility facts."""

    name = models.CharField(_("Name"), max_length=200)
    street = models.CharField(_("Straße und Hausnummer"), max_length=200)
    postcode = models.CharField(_("PLZ"), max_length=10)
    city = models.CharField(_("Ort"), max_length=100, default="Osnabrück")
    quarter = models.ForeignKey(
        "quarters.Quarter",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="venues",
        verbose_name=_("Quartier"),
        help_text=_("Leer lassen für Orte, die allen Quartieren offenstehen."),
    )
    longitude = models.FloatField(_("Längengrad"), null=True, blank=True)
    latitude = models.FloatField(_("Breitengrad"), null=True, blank=True)
    step_free = models.BooleanField(_("stufenlos erreichbar"), default=False)
    accessible_toilet = models.BooleanField(_("barrierefreies WC"), default=False)
    hearing_loop = models.BooleanField(_("Induktionsschleife"), default=False)
    accessibility_note = models.TextField(
        _("Hinweise zur Barrierefreiheit"), blank=True
    )

    objects = VenueQuerySet.as_manager()

    class Meta:
        verbose_name = _("Veranstaltungsort")
        verbose_name_plural = _("Veranstaltungsorte")
        ordering = ["name"]
        constraints = [optional_point_constraint("venue_point_in_wgs84")]

    def __str__(self) -> str:
        return self.name

    @property
    def address(self) -> str:
        return f"{self.street}, {self.postcode} {self.city}"


class EventQuerySet(models.QuerySet):
    def published(self):
        """What the public sees: published events, including cancelled ones (shown as such)."""
        return self.filter(status__in=[Event.Status.PUBLISHED, Event.Status.CANCELLED])

    def for_team(self, user):
        """Events of the quarters `user` manages (all for city editors)."""

        # A subquery, not a join: no duplicate rows, no DISTINCT for the admin listing.
        links = Event.quarters.through.objects.filter(
            quarter__in=Quarter.objects.for_user(user)
        )
        return self.filter(pk__in=links.values("event_id"))

    def next_occurrences(self, limit: int = 5) -> list:
        """The next public dates of these events, e.g. `quarter.events.next_occurrences()`."""
        return list(
            Occurrence.objects.public()
            .upcoming()
            .filter(event__in=self.values("pk"))
            .select_related("event__venue")  # one query: the card shows title and place
            .order_by("starts_at", "pk")[:limit]
        )

    def awaiting_review(self):
        return self.filter(status=Event.Status.SUBMITTED)

    def for_feed(self):
        """Published events still relevant to calendar apps, with what the feed prints."""
        since = timezone.now() - dt.timedelta(days=90)
        return (
            self.published()
            .filter(occurrences__ends_at__gte=since)
            .distinct()
            .select_related("venue", "organisation")
            .prefetch_related("quarters", "occurrences")
            .order_by("starts_at", "pk")
        )


class Event(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Entwurf")
        SUBMITTED = "submitted", _("eingereicht, wartet auf Prüfung")
        CHANGES_REQUESTED = "changes_requested", _("Änderungen erbeten")
        PUBLISHED = "published", _("veröffentlicht")
        REJECTED = "rejected", _("abgelehnt")
        CANCELLED = "cancelled", _("abgesagt")

    title = models.CharField(_("Titel"), max_length=200)
    description = models.TextField(_("Beschreibung"))
    quarters = models.ManyToManyField(
        "quarters.Quarter", related_name="events", verbose_name=_("Quartiere")
    )
    venue = models.ForeignKey(
        Venue,
        on_delete=models.PROTECT,
        related_name="events",
        verbose_name=_("Ort"),
    )
    organisation = models.ForeignKey(
        "community.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        verbose_name=_("Veranstalter (Organisation)"),
        help_text=_("Leer lassen, wenn das Quartiersteam selbst einlädt."),
    )
    measure = models.ForeignKey(
        "measures.Measure",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        verbose_name=_("Gehört zur Maßnahme"),
        help_text=_(
            "z. B. Einweihung, Baustellenführung oder Werkstatt zu einer Maßnahme."
        ),
    )
    category = models.CharField(_("Kategorie"), max_length=20, choices=Category.choices)
    target_groups = models.CharField(
        _("Zielgruppen"), max_length=200, blank=True, default=""
    )
    languages = models.CharField(
        _("Sprachen"), max_length=200, blank=True, default=",de,"
    )
    cost_eur = models.DecimalField(
        _("Kosten (Euro)"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Leer oder 0 heißt kostenlos."),
    )
    cost_note = models.CharField(_("Hinweis zu Kosten"), max_length=200, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Bild"),
    )
    contact_name = models.CharField(_("Ansprechperson"), max_length=100, blank=True)
    contact_email = models.EmailField(_("Kontakt-E-Mail"), blank=True)
    contact_phone = models.CharField(_("Kontakt-Telefon"), max_length=50, blank=True)

    starts_at = models.DateTimeField(_("Beginn"))
    ends_at = models.DateTimeField(_("Ende"))
    all_day = models.BooleanField(_("ganztägig"), default=False)
    rrule = models.CharField(
        _("Wiederholung (RRULE)"),
        max_length=500,
        blank=True,
        help_text=_("RFC 5545, z. B. FREQ=WEEKLY;BYDAY=TU;UNTIL=20270630T000000Z"),
    )
    exdates = models.JSONField(
        _("Ausnahmen"),
        default=list,
        blank=True,
        help_text=_("Tage ohne Termin (z. B. Schulferien), als Liste JJJJ-MM-TT."),
    )

    registration_enabled = models.BooleanField(_("Anmeldung möglich"), default=False)
    capacity = models.PositiveIntegerField(
        _("Plätze je Termin"), null=True, blank=True, help_text=_("Leer: unbegrenzt.")
    )
    registration_deadline_hours = models.PositiveIntegerField(
        _("Anmeldeschluss (Stunden vor Beginn)"), default=0
    )
    waitlist_enabled = models.BooleanField(_("Warteliste"), default=True)

    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    review_message = models.TextField(_("Nachricht der Prüfung"), blank=True)
    cancellation_reason = models.CharField(
        _("Grund der Absage"), max_length=300, blank=True
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submitted_events",
        verbose_name=_("eingereicht von"),
    )
    uid = models.CharField(_("iCal-UID"), max_length=255, unique=True)
    sequence = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("Veranstaltung")
        verbose_name_plural = _("Veranstaltungen")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="event_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(cost_eur__isnull=True) | Q(cost_eur__gte=0),
                name="event_cost_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if not self.uid:
            self.uid = f"{uuid.uuid4()}@quartier"
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("events:detail", kwargs={"pk": self.pk})

    @property
    def is_free(self) -> bool:
        return not self.cost_eur

    @property
    def is_recurring(self) -> bool:
        return bool(self.rrule)

    @property
    def is_public(self) -> bool:
        return self.status in (self.Status.PUBLISHED, self.Status.CANCELLED)

    def target_group_labels(self) -> list[str]:
        labels = dict(TargetGroup.choices)
        return [str(labels[c]) for c in split_codes(self.target_groups) if c in labels]

    def language_labels(self) -> list[str]:
        labels = dict(Language.choices)
        return [str(labels[c]) for c in split_codes(self.languages) if c in labels]

    def local_duration(self) -> dt.timedelta:
        """Wall-clock duration, so a 15–17 h offer stays 15–17 h across DST changes."""
        start = timezone.localtime(self.starts_at, BERLIN).replace(tzinfo=None)
        end = timezone.localtime(self.ends_at, BERLIN).replace(tzinfo=None)
        return end - start


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
