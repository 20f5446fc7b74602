"""Events and their venues, with the vocabularies they are tagged with."""

from __future__ import annotations

import datetime as dt
import uuid
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models import Q
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
        # Occurrence lives in dates.py, which imports this module.
        occurrences = self.model._meta.get_field("occurrences").related_model
        return list(
            occurrences.objects.public()
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
