"""Sozialmonitoring: areas, indicators, values over time, imports and the social index.

Values are facts with a date, a status (provisional or final) and, where statistics
offices keep a figure secret (small counts), a reason instead of a number: a suppressed
value is never stored or shown as zero.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cached_property

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from shapely.geometry.base import BaseGeometry

from quartier.core.geo import clean_area, parse_geometry
from quartier.core.validators import validate_link


class Level(models.TextChoices):
    """Spatial levels, from the whole city down to the statistical planning area."""

    CITY = "city", _("Gesamtstadt")
    DISTRICT = "district", _("Stadtteil")
    QUARTER = "quarter", _("Quartier")
    PLANNING_AREA = "planning_area", _("Planungsraum")


class AreaQuerySet(models.QuerySet):
    def at_level(self, level: str):
        return self.filter(level=level)

    def city(self):
        return self.filter(level=Level.CITY).first()


class Area(models.Model):
    """A territory figures are published for. Quarters link to their portal quarter."""

    code = models.SlugField(
        _("Gebietsschlüssel"),
        max_length=40,
        unique=True,
        help_text=_("So steht das Gebiet in der Importdatei, z. B. stadtteil-10."),
    )
    name = models.CharField(_("Name"), max_length=120)
    level = models.CharField(_("Ebene"), max_length=20, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        verbose_name=_("übergeordnetes Gebiet"),
    )
    quarter = models.OneToOneField(
        "quarters.Quarter",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="monitoring_area",
        verbose_name=_("Quartier im Portal"),
    )
    boundary = models.JSONField(
        _("Gebietsgrenze (GeoJSON)"),
        null=True,
        blank=True,
        help_text=_("Polygon oder MultiPolygon in WGS 84 (Längengrad, Breitengrad)."),
    )
    boundary_is_schematic = models.BooleanField(
        _("Grenze ist schematisch"), default=True
    )
    is_demo = models.BooleanField(_("Demo-Gebiet"), default=False)
    sort_order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    # The map caches projected boundaries under the change times of the areas it
    # draws (figures.map_geometry); bulk_create sets this too, QuerySet.update() not.
    updated_at = models.DateTimeField(_("zuletzt geändert"), auto_now=True)

    objects = AreaQuerySet.as_manager()

    class Meta:
        verbose_name = _("Gebiet")
        verbose_name_plural = _("Gebiete")
        ordering = ["level", "sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["level"],
                condition=Q(level="city"),
                name="monitoring_area_one_city",
            ),
            models.CheckConstraint(
                condition=Q(quarter__isnull=True) | Q(level="quarter"),
                name="monitoring_area_quarter_link_only_for_quarters",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_level_display()})"

    def get_absolute_url(self) -> str:
        return reverse("monitoring:area", kwargs={"code": self.code})

    def clean(self) -> None:
        if self.boundary:
            try:
                self.boundary = clean_area(self.boundary)
            except ValidationError as error:
                raise ValidationError({"boundary": error.messages}) from error

    @cached_property
    def shape(self) -> BaseGeometry | None:
        return parse_geometry(self.boundary)


class Indicator(models.Model):
    class Unit(models.TextChoices):
        PERCENT = "percent", _("Prozent")
        COUNT = "count", _("Anzahl")
        PER_1000 = "per_1000", _("je 1.000 Einwohner*innen")
        M2_PER_INHABITANT = "m2_per_inhabitant", _("m² je Einwohner*in")

    class Direction(models.TextChoices):
        LOWER_IS_BETTER = "lower", _("niedriger ist besser")
        HIGHER_IS_BETTER = "higher", _("höher ist besser")
        NEUTRAL = "neutral", _("keine Wertung")

    class Theme(models.TextChoices):
        POPULATION = "population", _("Bevölkerung")
        SOCIAL = "social", _("Soziale Lage")
        ENVIRONMENT = "environment", _("Wohnen und Umwelt")
        PORTAL = "portal", _("Beteiligung und Angebote im Portal")

    slug = models.SlugField(
        _("Kürzel"),
        max_length=60,
        unique=True,
        help_text=_("So steht der Indikator in der Importdatei."),
    )
    name = models.CharField(_("Name"), max_length=150)
    short_name = models.CharField(_("Kurzname"), max_length=60, blank=True)
    theme = models.CharField(_("Themenfeld"), max_length=20, choices=Theme.choices)
    definition = models.TextField(_("Definition"))
    unit = models.CharField(_("Einheit"), max_length=20, choices=Unit.choices)
    decimals = models.PositiveSmallIntegerField(_("Nachkommastellen"), default=1)
    direction = models.CharField(
        _("Was ist besser?"),
        max_length=10,
        choices=Direction.choices,
        default=Direction.NEUTRAL,
    )
    source = models.CharField(_("Quelle"), max_length=300)
    source_url = models.URLField(
        _("Quelle (Adresse)"), blank=True, validators=[validate_link]
    )
    licence = models.CharField(_("Lizenz"), max_length=100, default="dl-de/by-2-0")
    is_key = models.BooleanField(
        _("Kernindikator"),
        default=False,
        help_text=_("Erscheint im Kasten „Das Quartier in Zahlen“."),
    )
    is_computed = models.BooleanField(
        _("vom Portal berechnet"),
        default=False,
        help_text=_("Wird aus den Daten des Portals berechnet, nicht importiert."),
    )
    is_demo = models.BooleanField(_("Demo-Indikator"), default=False)
    sort_order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Indikator")
        verbose_name_plural = _("Indikatoren")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("monitoring:indicator", kwargs={"slug": self.slug})

    @property
    def label(self) -> str:
        return self.short_name or self.name

    @property
    def unit_symbol(self) -> str:
        return {
            self.Unit.PERCENT: "%",
            self.Unit.COUNT: "",
            self.Unit.PER_1000: "‰",
            self.Unit.M2_PER_INHABITANT: "m²/EW",
        }[self.unit]

    @property
    def is_share(self) -> bool:
        return self.unit == self.Unit.PERCENT


class Suppression(models.TextChoices):
    """Why a figure is missing, after the signs of German official statistics."""

    SECRET = "secret", _("geheim gehalten (kleine Fallzahl)")
    NONE = "none", _("kein Wert vorhanden")
    UNRELIABLE = "unreliable", _("Wert nicht sicher genug")

    @classmethod
    def from_marker(cls, marker: str) -> Suppression | None:
        return SUPPRESSION_MARKERS.get(marker.strip())


# "." secret, "–"/"-" nothing reported, "/" not reliable enough (Destatis signs).
SUPPRESSION_MARKERS = {
    ".": Suppression.SECRET,
    "–": Suppression.NONE,
    "-": Suppression.NONE,
    "/": Suppression.UNRELIABLE,
}
SUPPRESSION_SIGNS = {
    Suppression.SECRET: ".",
    Suppression.NONE: "–",
    Suppression.UNRELIABLE: "/",
}


class ValueQuerySet(models.QuerySet):
    def for_area(self, area: Area):
        return self.filter(area=area)

    def for_indicator(self, indicator: Indicator):
        return self.filter(indicator=indicator)

    def between(self, start=None, end=None):
        qs = self
        if start:
            qs = qs.filter(date__gte=start)
        if end:
            qs = qs.filter(date__lte=end)
        return qs


class Value(models.Model):
    class Status(models.TextChoices):
        PROVISIONAL = "provisional", _("vorläufig")
        FINAL = "final", _("endgültig")

    area = models.ForeignKey(
        Area, on_delete=models.CASCADE, related_name="values", verbose_name=_("Gebiet")
    )
    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.CASCADE,
        related_name="values",
        verbose_name=_("Indikator"),
    )
    date = models.DateField(_("Stichtag"))
    value = models.DecimalField(
        _("Wert"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    suppressed = models.CharField(
        _("Wert fehlt, weil"),
        max_length=20,
        choices=Suppression.choices,
        blank=True,
    )
    status = models.CharField(
        _("Stand"), max_length=12, choices=Status.choices, default=Status.FINAL
    )
    note = models.CharField(_("Hinweis"), max_length=300, blank=True)
    source = models.CharField(
        _("Quelle dieses Werts"),
        max_length=300,
        blank=True,
        help_text=_("Nur wenn sie von der Quelle des Indikators abweicht."),
    )
    is_demo = models.BooleanField(_("Demo-Wert (erfunden)"), default=False)
    import_run = models.ForeignKey(
        "ImportRun",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("zuletzt geändert durch Import"),
    )

    objects = ValueQuerySet.as_manager()

    class Meta:
        verbose_name = _("Wert")
        verbose_name_plural = _("Werte")
        ordering = ["indicator", "area", "date"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "indicator", "date"], name="value_once_per_date"
            ),
            models.CheckConstraint(
                condition=(Q(suppressed="") & Q(value__isnull=False))
                | (~Q(suppressed="") & Q(value__isnull=True)),
                name="value_either_number_or_reason",
            ),
        ]
        indexes = [models.Index(fields=["indicator", "date"], name="value_by_date")]

    def __str__(self) -> str:
        return f"{self.indicator} {self.area.name} {self.date:%Y-%m-%d}"

    @property
    def suppression_sign(self) -> str:
        return SUPPRESSION_SIGNS.get(self.suppressed, "")


class ImportRun(models.Model):
    """One imported file: who, when, how many rows, and its checksum (SHA-256)."""

    created_at = models.DateTimeField(_("importiert am"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("importiert von"),
    )
    filename = models.CharField(_("Datei"), max_length=255)
    checksum = models.CharField(_("Prüfsumme (SHA-256)"), max_length=64, unique=True)
    rows = models.PositiveIntegerField(_("Zeilen"))
    created = models.PositiveIntegerField(_("neue Werte"))
    updated = models.PositiveIntegerField(_("geänderte Werte"))
    unchanged = models.PositiveIntegerField(_("unveränderte Werte"))
    suppressed = models.PositiveIntegerField(_("davon geheim gehalten"), default=0)

    class Meta:
        verbose_name = _("Import")
        verbose_name_plural = _("Importe")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.filename} ({self.created_at:%d.%m.%Y %H:%M})"


class IndexScheme(ClusterableModel):
    """How the status and dynamics index are computed: indicators, weights, classes.

    The default follows Berlin's Monitoring Soziale Stadtentwicklung: z-standardised
    index indicators, summed with weights and standardised again; four status classes
    and three dynamics classes, combined into twelve.
    """

    name = models.CharField(_("Name"), max_length=150)
    slug = models.SlugField(_("Kürzel"), unique=True)
    levels = models.JSONField(
        _("Verglichene Ebenen"),
        default=list,
        help_text=_("Die Gebiete dieser Ebenen werden miteinander verglichen."),
    )
    period_years = models.PositiveSmallIntegerField(
        _("Zeitraum der Dynamik (Jahre)"), default=2
    )
    status_thresholds = models.JSONField(
        _("Grenzen der Statusklassen"),
        default=list,
        help_text=_("Drei aufsteigende Grenzen des standardisierten Index."),
    )
    dynamics_thresholds = models.JSONField(
        _("Grenzen der Dynamikklassen"),
        default=list,
        help_text=_("Zwei aufsteigende Grenzen des standardisierten Index."),
    )
    method = models.TextField(_("Methode (für die Seite)"))
    is_default = models.BooleanField(_("auf den Seiten zeigen"), default=False)

    class Meta:
        verbose_name = _("Index-Verfahren")
        verbose_name_plural = _("Index-Verfahren")
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"],
                condition=Q(is_default=True),
                name="index_scheme_one_default",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        for field, count in (("status_thresholds", 3), ("dynamics_thresholds", 2)):
            values = getattr(self, field)
            if (
                not isinstance(values, list)
                or len(values) != count
                or not all(isinstance(v, int | float) for v in values)
                or values != sorted(values)
            ):
                raise ValidationError(
                    {
                        field: _("Bitte %(count)s aufsteigende Zahlen angeben.")
                        % {"count": count}
                    }
                )
        if not set(self.levels or []) <= set(Level.values) or not self.levels:
            raise ValidationError({"levels": _("Bitte gültige Ebenen angeben.")})


class IndexComponent(models.Model):
    scheme = ParentalKey(
        IndexScheme, on_delete=models.CASCADE, related_name="components"
    )
    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("Indikator"),
    )
    weight = models.DecimalField(
        _("Gewicht"), max_digits=5, decimal_places=2, default=Decimal(1)
    )

    class Meta:
        verbose_name = _("Index-Indikator")
        verbose_name_plural = _("Index-Indikatoren")
        constraints = [
            models.UniqueConstraint(
                fields=["scheme", "indicator"], name="index_component_once"
            ),
            models.CheckConstraint(
                condition=Q(weight__gt=0), name="index_component_weight_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} × {self.weight}"


class StatusClass(models.IntegerChoices):
    HIGH = 1, _("hoch")
    MEDIUM = 2, _("mittel")
    LOW = 3, _("niedrig")
    VERY_LOW = 4, _("sehr niedrig")


class DynamicsClass(models.IntegerChoices):
    POSITIVE = 1, _("positiv")
    STABLE = 2, _("stabil")
    NEGATIVE = 3, _("negativ")


DYNAMICS_SIGNS = {1: "+", 2: "±", 3: "−"}


class AreaIndex(models.Model):
    """The computed index of one area at one date: recomputed, never edited."""

    scheme = models.ForeignKey(
        IndexScheme, on_delete=models.CASCADE, related_name="results"
    )
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="indices")
    date = models.DateField(_("Stichtag"))
    status_score = models.FloatField(_("Statusindex"))
    status_class = models.PositiveSmallIntegerField(
        _("Statusklasse"), choices=StatusClass.choices
    )
    dynamics_score = models.FloatField(_("Dynamikindex"), null=True, blank=True)
    dynamics_class = models.PositiveSmallIntegerField(
        _("Dynamikklasse"), choices=DynamicsClass.choices, null=True, blank=True
    )

    class Meta:
        verbose_name = _("Index eines Gebiets")
        verbose_name_plural = _("Indizes der Gebiete")
        ordering = ["scheme", "-date", "area"]
        constraints = [
            models.UniqueConstraint(
                fields=["scheme", "area", "date"], name="area_index_once_per_date"
            )
        ]

    def __str__(self) -> str:
        return f"{self.area.name} {self.date:%Y}: {self.combined_class}"

    @property
    def combined_class(self) -> str:
        """Berlin's twelve classes: status number and dynamics sign, e.g. "3−"."""
        sign = DYNAMICS_SIGNS.get(self.dynamics_class, "")
        return f"{self.status_class}{sign}"
