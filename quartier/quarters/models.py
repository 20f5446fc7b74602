from __future__ import annotations

from functools import cached_property

from django.contrib.auth.models import Group
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from shapely.geometry.base import BaseGeometry
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from quartier.core.geo import clean_area, optional_point_constraint, parse_geometry
from quartier.core.opening_hours import (
    Closure,
    OpeningPeriod,
    OpeningState,
    opening_state,
)
from quartier.core.validators import validate_link

from .permissions import is_city_editor


@register_setting(icon="site")
class CitySettings(BaseGenericSetting):
    """The city this instance serves: its name and outline for the overview map."""

    name = models.CharField(_("Name der Stadt"), max_length=100, default="Osnabrück")
    outline = models.JSONField(
        _("Stadtgrenze (GeoJSON)"),
        null=True,
        blank=True,
        help_text=_("Polygon in WGS 84; dient als Hintergrund der Karten."),
    )

    class Meta:
        verbose_name = _("Stadt")

    def clean(self) -> None:
        if self.outline:
            self.outline = clean_area(self.outline)

    @cached_property
    def outline_shape(self) -> BaseGeometry | None:
        return parse_geometry(self.outline)


class District(models.Model):
    """Stadtteil: the official statistical unit. Quarters cut across districts."""

    number = models.CharField(_("Nummer"), max_length=8, blank=True)
    name = models.CharField(_("Name"), max_length=100, unique=True)
    inhabitants = models.PositiveIntegerField(
        _("Einwohner*innen"), null=True, blank=True
    )
    inhabitants_as_of = models.DateField(_("Stichtag"), null=True, blank=True)
    area_ha = models.DecimalField(
        _("Fläche (ha)"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    source = models.URLField(_("Quelle"), blank=True, validators=[validate_link])

    class Meta:
        verbose_name = _("Stadtteil")
        verbose_name_plural = _("Stadtteile")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.number})" if self.number else self.name


class FundingProgramme(models.Model):
    """Städtebauförderung programme or other funding line (Bund, Land, Stadt, EU)."""

    name = models.CharField(_("Name"), max_length=200, unique=True)
    funder = models.CharField(_("Fördergeber"), max_length=200, blank=True)
    url = models.URLField(
        _("Weitere Informationen"), blank=True, validators=[validate_link]
    )

    class Meta:
        verbose_name = _("Förderprogramm")
        verbose_name_plural = _("Förderprogramme")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class QuarterQuerySet(models.QuerySet):
    def public(self):
        return self.exclude(status=Quarter.Status.PLANNED)

    def for_user(self, user):
        """The quarters `user` may manage: all for city editors, their own for a team."""

        if not user.is_authenticated:
            return self.none()
        if is_city_editor(user):
            return self
        return self.filter(team__in=user.groups.all())


class Quarter(ClusterableModel):
    class Kind(models.TextChoices):
        STADTQUARTIER = "stadtquartier", _("Stadtquartier")
        SANIERUNGSGEBIET = "sanierungsgebiet", _("Sanierungsgebiet")
        GEMEINWESENARBEIT = (
            "gemeinwesenarbeit",
            _("Quartiersprojekt der Gemeinwesenarbeit"),
        )
        SOZIALE_STADT_FORMER = (
            "soziale_stadt_former",
            _("Ehemaliges Gebiet der Sozialen Stadt"),
        )

    class Status(models.TextChoices):
        PLANNED = "planned", _("in Vorbereitung")
        ACTIVE = "active", _("aktiv")
        CONTINUED = "continued", _("verstetigt")
        CLOSED = "closed", _("abgeschlossen")

    name = models.CharField(_("Name"), max_length=100, unique=True)
    short_name = models.CharField(
        _("Kurzname"), max_length=50, help_text=_("z. B. Schinkel")
    )
    slug = models.SlugField(_("Kürzel in der Adresse"), unique=True)
    kind = models.CharField(_("Art des Gebiets"), max_length=30, choices=Kind.choices)
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    boundary = models.JSONField(
        _("Gebietsgrenze (GeoJSON)"),
        help_text=_("Polygon oder MultiPolygon in WGS 84 (Längengrad, Breitengrad)."),
    )
    boundary_is_schematic = models.BooleanField(
        _("Grenze ist schematisch"),
        default=True,
        help_text=_(
            "Schematische Grenzen werden auf Karten als solche gekennzeichnet."
        ),
    )
    area_ha = models.DecimalField(
        _("Fläche (ha)"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    inhabitants = models.PositiveIntegerField(
        _("Einwohner*innen"), null=True, blank=True
    )
    inhabitants_note = models.CharField(
        _("Hinweis zu Einwohner*innen"), max_length=200, blank=True
    )
    inhabitants_note_en = models.CharField(
        _("Hinweis zu Einwohner*innen (englisch)"),
        max_length=200,
        blank=True,
        help_text=_("Leer lassen: Englische Seiten zeigen dann den deutschen Text."),
    )
    started_year = models.PositiveSmallIntegerField(
        _("Beginn (Jahr)"), null=True, blank=True
    )
    budget_eur = models.DecimalField(
        _("Budget (Euro)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    budget_note = models.CharField(_("Hinweis zum Budget"), max_length=200, blank=True)
    budget_note_en = models.CharField(
        _("Hinweis zum Budget (englisch)"),
        max_length=200,
        blank=True,
        help_text=_("Leer lassen: Englische Seiten zeigen dann den deutschen Text."),
    )
    facts_source = models.TextField(
        _("Quellen der Eckdaten"), blank=True, help_text=_("Eine Quelle je Zeile.")
    )
    districts = models.ManyToManyField(
        District, blank=True, related_name="quarters", verbose_name=_("Stadtteile")
    )
    team = models.OneToOneField(
        Group,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="managed_quarter",
        verbose_name=_("Team (Gruppe)"),
        help_text=_("Wer in dieser Gruppe ist, bearbeitet dieses Quartier."),
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Medien-Sammlung"),
    )
    sort_order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    objects = QuarterQuerySet.as_manager()

    class Meta:
        verbose_name = _("Quartier")
        verbose_name_plural = _("Quartiere")
        ordering = ["sort_order", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(started_year__isnull=True) | Q(started_year__gte=1900),
                name="quarter_started_year_plausible",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.boundary:
            try:
                self.boundary = clean_area(self.boundary)
            except Exception as error:
                from django.core.exceptions import ValidationError

                raise ValidationError({"boundary": error}) from error

    def get_absolute_url(self) -> str:
        """A permalink that redirects to the quarter's page, wherever editors move it."""
        return reverse("quarter_permalink", kwargs={"slug": self.slug})

    @cached_property
    def shape(self) -> BaseGeometry:
        return parse_geometry(self.boundary)

    def contains(self, lon: float, lat: float) -> bool:
        from shapely.geometry import Point

        return self.shape.covers(Point(lon, lat))

    @property
    def source_lines(self) -> list[str]:
        return [line.strip() for line in self.facts_source.splitlines() if line.strip()]


class QuarterProgramme(models.Model):
    """A funding programme a quarter was or is in, with its period."""

    quarter = ParentalKey(Quarter, on_delete=models.CASCADE, related_name="programmes")
    programme = models.ForeignKey(
        FundingProgramme, on_delete=models.PROTECT, verbose_name=_("Programm")
    )
    starts_on = models.DateField(_("Beginn"))
    ends_on = models.DateField(_("Ende"), null=True, blank=True)
    note = models.CharField(_("Hinweis"), max_length=200, blank=True)
    note_en = models.CharField(
        _("Hinweis (englisch)"),
        max_length=200,
        blank=True,
        help_text=_("Leer lassen: Englische Seiten zeigen dann den deutschen Text."),
    )

    class Meta:
        verbose_name = _("Förderzeitraum")
        verbose_name_plural = _("Förderzeiträume")
        ordering = ["starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="quarter_programme_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.programme} ({self.starts_on.year}–{self.ends_on.year if self.ends_on else ''})"


class TeamMember(models.Model):
    """Who works in the quarter, by role. Contact goes through the office, not private data."""

    class Role(models.TextChoices):
        MANAGEMENT = "management", _("Quartiersmanagement")
        COMMUNITY_WORK = "community_work", _("Gemeinwesenarbeit")
        TRUSTEE = "trustee", _("Sanierungsträger")
        YOUTH = "youth", _("Jugendarbeit")
        ENERGY = "energy", _("Energieberatung")
        ADMINISTRATION = "administration", _("Stadtverwaltung")
        VOLUNTEER = "volunteer", _("Ehrenamt")

    quarter = ParentalKey(
        Quarter, on_delete=models.CASCADE, related_name="team_members"
    )
    name = models.CharField(_("Name"), max_length=100)
    role = models.CharField(_("Rolle"), max_length=30, choices=Role.choices)
    organisation = models.CharField(_("Organisation"), max_length=200, blank=True)
    is_fictional = models.BooleanField(
        _("Demo-Person"),
        default=False,
        help_text=_("Erfundene Person, wird als Demo gekennzeichnet."),
    )
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("Teammitglied")
        verbose_name_plural = _("Team")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_role_display()})"


class OfficeQuerySet(models.QuerySet):
    def with_hours(self):
        return self.prefetch_related("hours", "closures")


class Office(ClusterableModel):
    """Quartiersbüro, Stadtteilbüro or Quartierstreff: the staffed local place."""

    class Kind(models.TextChoices):
        OFFICE = "office", _("Quartiersbüro")
        DISTRICT_OFFICE = "district_office", _("Stadtteilbüro")
        MEETING_PLACE = "meeting_place", _("Quartierstreff")
        PROJECT_OFFICE = "project_office", _("Projektbüro")

    class Status(models.TextChoices):
        OPENING = "opening", _("eröffnet bald")
        OPEN = "open", _("geöffnet")
        CLOSED = "closed", _("geschlossen")

    quarter = models.ForeignKey(
        Quarter,
        on_delete=models.CASCADE,
        related_name="offices",
        verbose_name=_("Quartier"),
    )
    name = models.CharField(_("Name"), max_length=200)
    kind = models.CharField(
        _("Art"), max_length=20, choices=Kind.choices, default=Kind.OFFICE
    )
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    street = models.CharField(_("Straße und Hausnummer"), max_length=200)
    postcode = models.CharField(_("PLZ"), max_length=10)
    city = models.CharField(_("Ort"), max_length=100, default="Osnabrück")
    longitude = models.FloatField(_("Längengrad"), null=True, blank=True)
    latitude = models.FloatField(_("Breitengrad"), null=True, blank=True)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    accessibility = models.TextField(
        _("Barrierefreiheit"), blank=True, help_text=_("z. B. stufenloser Zugang, WC")
    )
    accessibility_en = models.TextField(
        _("Barrierefreiheit (englisch)"),
        blank=True,
        help_text=_("Leer lassen: Englische Seiten zeigen dann den deutschen Text."),
    )
    opened_on = models.DateField(_("eröffnet am"), null=True, blank=True)
    closed_on = models.DateField(_("geschlossen seit"), null=True, blank=True)
    note = models.TextField(_("Hinweis"), blank=True)
    note_en = models.TextField(
        _("Hinweis (englisch)"),
        blank=True,
        help_text=_("Leer lassen: Englische Seiten zeigen dann den deutschen Text."),
    )

    objects = OfficeQuerySet.as_manager()

    class Meta:
        verbose_name = _("Büro oder Treffpunkt")
        verbose_name_plural = _("Büros und Treffpunkte")
        ordering = ["status", "name"]
        constraints = [optional_point_constraint("office_point_in_wgs84")]

    def __str__(self) -> str:
        return self.name

    @property
    def address(self) -> str:
        return f"{self.street}, {self.postcode} {self.city}"

    def opening_state(self, at=None) -> OpeningState:
        """Uses prefetched hours and closures; no queries when the view prefetched them."""
        return opening_state(self.hours.all(), self.closures.all(), at)


class OfficeHours(OpeningPeriod):
    office = ParentalKey(Office, on_delete=models.CASCADE, related_name="hours")

    class Meta(OpeningPeriod.Meta):
        verbose_name = _("Sprechzeit")
        verbose_name_plural = _("Öffnungs- und Sprechzeiten")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes__gt=models.F("opens")),
                name="office_hours_close_after_open",
            )
        ]


class OfficeClosure(Closure):
    office = ParentalKey(Office, on_delete=models.CASCADE, related_name="closures")

    class Meta(Closure.Meta):
        verbose_name = _("Schließzeit")
        verbose_name_plural = _("Schließzeiten")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="office_closure_ends_after_start",
            )
        ]
