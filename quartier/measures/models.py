"""The integrated action plan of a quarter: fields of action, goals, measures, money."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cached_property

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.db.models import Count, DecimalField, Prefetch, Q, Sum, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from shapely.geometry.base import BaseGeometry
from wagtail.fields import RichTextField

from quartier.core.geo import parse_geometry, to_geojson
from quartier.core.i18n import translation_of
from quartier.quarters.models import Quarter

ZERO = Value(Decimal("0"), output_field=DecimalField(max_digits=14, decimal_places=2))
LOCATION_TYPES = ("Point", "LineString", "Polygon", "MultiPolygon")


def _money(**kwargs) -> models.DecimalField:
    return models.DecimalField(max_digits=12, decimal_places=2, **kwargs)


class ActionFieldQuerySet(models.QuerySet):
    def with_measures(self, measures):
        """Goals and the given `measures` prefetched onto fields and goals (visible_measures)."""
        return self.prefetch_related(
            Prefetch("measures", queryset=measures, to_attr="visible_measures"),
            Prefetch("goals", queryset=Goal.objects.order_by("sort_order", "title")),
            Prefetch("goals__measures", queryset=measures, to_attr="visible_measures"),
        )


class ActionField(ClusterableModel):
    """Handlungsfeld of a quarter's ISEK, e.g. "Grün- und Freiflächen"; holds its goals."""

    quarter = models.ForeignKey(
        Quarter,
        on_delete=models.CASCADE,
        related_name="action_fields",
        verbose_name=_("Quartier"),
    )
    title = models.CharField(_("Titel"), max_length=150)
    title_en = models.CharField(
        _("Titel (englisch)"),
        max_length=150,
        blank=True,
        help_text=_("Leer lassen: Englische Seiten zeigen dann den deutschen Text."),
    )
    description = RichTextField(
        _("Beschreibung"), blank=True, features=["bold", "italic", "link", "ul", "ol"]
    )
    sort_order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    objects = ActionFieldQuerySet.as_manager()

    class Meta:
        verbose_name = _("Handlungsfeld")
        verbose_name_plural = _("Handlungsfelder")
        ordering = ["quarter", "sort_order", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["quarter", "title"],
                name="action_field_title_unique_per_quarter",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.quarter.short_name})"

    @property
    def label(self) -> str:
        """The title in the page's language: filter choices and lists show it."""
        return translation_of(self, "title")


class Goal(models.Model):
    """Ziel within a field of action; measures serve goals."""

    action_field = ParentalKey(
        ActionField,
        on_delete=models.CASCADE,
        related_name="goals",
        verbose_name=_("Handlungsfeld"),
    )
    title = models.CharField(_("Ziel"), max_length=200)
    description = RichTextField(
        _("Erläuterung"), blank=True, features=["bold", "italic", "link", "ul"]
    )
    sort_order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Ziel")
        verbose_name_plural = _("Ziele")
        ordering = ["action_field__sort_order", "sort_order", "title"]

    def __str__(self) -> str:
        return self.title

    @property
    def quarter(self) -> Quarter:
        return self.action_field.quarter


class FundingSource(models.TextChoices):
    BUND = "bund", _("Bund")
    LAND = "land", _("Land")
    STADT = "stadt", _("Stadt")
    EU = "eu", _("EU")
    PRIVATE = "private", _("Privat")
    OTHER = "other", _("Anderes Programm")


class MeasureQuerySet(models.QuerySet):
    def public(self):
        """Published measures of quarters the public can see."""
        return self.filter(is_published=True).exclude(
            quarter__status=Quarter.Status.PLANNED
        )

    def visible_to(self, user):
        """Public measures, plus every measure of the quarters `user` manages."""
        if user is None or not user.is_authenticated:
            return self.public()
        managed = Quarter.objects.for_user(user)
        return self.filter(
            Q(pk__in=self.public().values("pk")) | Q(quarter__in=managed)
        )

    def with_totals(self):
        """Annotates planned_total and spent_total: sums of the funding lines."""
        return self.annotate(
            planned_total=Coalesce(Sum("funding__planned"), ZERO),
            spent_total=Coalesce(Sum("funding__spent"), ZERO),
        )

    def for_listing(self):
        return (
            self.select_related("quarter")
            .prefetch_related("action_fields")
            .with_totals()
        )

    def for_plan(self):
        return self.select_related("quarter").prefetch_related("goals", "action_fields")

    def active_in_year(self, year: int):
        """Measures whose planned or actual period touches `year`."""
        start = Coalesce("actual_start", "planned_start")
        end = Coalesce("actual_end", "planned_end")
        return self.alias(_start=start, _end=end).filter(
            Q(_start__year__lte=year) | Q(_start__isnull=True),
            Q(_end__year__gte=year) | Q(_end__isnull=True),
            Q(_start__isnull=False) | Q(_end__isnull=False),
        )

    def teaser_for(self, quarter: Quarter) -> list[dict]:
        """For the quarter page: how many public measures per status, in one query."""
        labels = dict(Measure.Status.choices)
        rows = (
            self.public()
            .filter(quarter=quarter)
            .values("status")
            .annotate(count=Count("pk"))
            .order_by()
        )
        counts = {row["status"]: row["count"] for row in rows}
        return [
            {"status": value, "label": labels[value], "count": counts[value]}
            for value in labels
            if value in counts
        ]


class Measure(ClusterableModel):
    """Maßnahme: something built, planted, offered or funded in the quarter."""

    class Status(models.TextChoices):
        IDEA = "idea", _("Idee")
        PLANNING = "planning", _("in Planung")
        PREPARATION = "preparation", _("in Vorbereitung")
        RUNNING = "running", _("im Bau / läuft")
        COMPLETED = "completed", _("abgeschlossen")
        STOPPED = "stopped", _("gestoppt")

    quarter = models.ForeignKey(
        Quarter,
        on_delete=models.CASCADE,
        related_name="measures",
        verbose_name=_("Quartier"),
    )
    title = models.CharField(_("Titel"), max_length=200)
    summary = models.CharField(_("Kurzbeschreibung"), max_length=300)
    description = RichTextField(
        _("Beschreibung"),
        blank=True,
        features=["h3", "bold", "italic", "link", "ul", "ol"],
    )
    what_changes = models.TextField(
        _("Was sich für Anwohnende ändert"),
        blank=True,
        help_text=_("In einfachen Worten: Was merken die Menschen im Quartier?"),
    )
    action_fields = ParentalManyToManyField(
        ActionField,
        blank=True,
        related_name="measures",
        verbose_name=_("Handlungsfelder"),
    )
    goals = ParentalManyToManyField(
        Goal, blank=True, related_name="measures", verbose_name=_("Ziele")
    )
    source_ideas = ParentalManyToManyField(
        "participation.Idea",
        blank=True,
        related_name="measures",
        verbose_name=_("Aus Ideen der Nachbarschaft"),
        help_text=_("Ideen aus diesem Quartier, aus denen diese Maßnahme wurde."),
    )
    status = models.CharField(
        _("Stand"), max_length=20, choices=Status.choices, default=Status.IDEA
    )
    stop_reason = models.TextField(
        _("Grund für den Stopp"),
        blank=True,
        help_text=_("Pflicht, wenn die Maßnahme gestoppt wurde."),
    )
    progress = models.PositiveSmallIntegerField(
        _("Fortschritt (%)"), default=0, help_text=_("0 bis 100")
    )
    planned_start = models.DateField(_("geplanter Beginn"), null=True, blank=True)
    planned_end = models.DateField(_("geplantes Ende"), null=True, blank=True)
    actual_start = models.DateField(_("tatsächlicher Beginn"), null=True, blank=True)
    actual_end = models.DateField(_("tatsächliches Ende"), null=True, blank=True)
    location = models.JSONField(
        _("Ort (GeoJSON)"),
        null=True,
        blank=True,
        help_text=_(
            "Punkt, Linie oder Fläche in WGS 84 (Längengrad, Breitengrad), innerhalb des Quartiers."
        ),
    )
    location_label = models.CharField(
        _("Ortsangabe"), max_length=200, blank=True, help_text=_("z. B. Straße, Platz")
    )
    responsible = models.CharField(
        _("Verantwortlich"),
        max_length=200,
        blank=True,
        help_text=_("z. B. Fachbereich Städtebau, Sanierungsträger, Verein"),
    )
    contact = models.CharField(
        _("Kontakt"),
        max_length=300,
        blank=True,
        help_text=_("Dienstliche Kontaktangabe, keine privaten Daten."),
    )
    image_before = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Bild vorher"),
    )
    image_after = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Bild nachher"),
    )
    is_published = models.BooleanField(
        _("öffentlich sichtbar"),
        default=True,
        help_text=_("Nicht veröffentlichte Maßnahmen sieht nur das Team."),
    )
    is_demo = models.BooleanField(
        _("Demo-Inhalt"),
        default=False,
        help_text=_("Erfundene oder geschätzte Angaben für die Demo."),
    )
    sort_order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    updated_at = models.DateTimeField(_("zuletzt geändert"), auto_now=True)

    objects = MeasureQuerySet.as_manager()

    class Meta:
        verbose_name = _("Maßnahme")
        verbose_name_plural = _("Maßnahmen")
        ordering = ["sort_order", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__lte=100), name="measure_progress_at_most_100"
            ),
            models.CheckConstraint(
                condition=Q(planned_end__isnull=True)
                | Q(planned_start__isnull=True)
                | Q(planned_end__gte=models.F("planned_start")),
                name="measure_planned_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(actual_end__isnull=True)
                | Q(actual_start__isnull=True)
                | Q(actual_end__gte=models.F("actual_start")),
                name="measure_actual_end_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(status="stopped") | ~Q(stop_reason=""),
                name="measure_stopped_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("measures:detail", kwargs={"pk": self.pk})

    def clean(self) -> None:
        errors = {}
        if self.status == self.Status.STOPPED and not self.stop_reason.strip():
            errors["stop_reason"] = _("Bitte den Grund für den Stopp angeben.")
        for start, end in (
            ("planned_start", "planned_end"),
            ("actual_start", "actual_end"),
        ):
            if getattr(self, start) and getattr(self, end):
                if getattr(self, end) < getattr(self, start):
                    errors[end] = _("Das Ende liegt vor dem Beginn.")
        if self.location:
            try:
                self.location = clean_location(
                    self.location, self.quarter if self.quarter_id else None
                )
            except ValidationError as error:
                errors["location"] = error.messages
        if errors:
            raise ValidationError(errors)

    @cached_property
    def shape(self) -> BaseGeometry | None:
        return parse_geometry(self.location)

    @property
    def status_label(self) -> str:
        # Cheaper than get_status_display(), which hashes all choices on every call:
        # the plan, map and exports show thousands of badges.
        return Measure.Status(self.status).label

    @property
    def start(self):
        return self.actual_start or self.planned_start

    @property
    def end(self):
        return self.actual_end or self.planned_end

    @property
    def is_done(self) -> bool:
        return self.status == self.Status.COMPLETED


def clean_location(data: dict, quarter: Quarter | None) -> dict:
    """Validate a point, line or area; all of it must lie in the quarter (or on its edge)."""
    from shapely import geometry as sg

    if not isinstance(data, dict) or data.get("type") not in LOCATION_TYPES:
        raise ValidationError(
            _("Bitte einen GeoJSON-Punkt, eine Linie oder eine Fläche angeben.")
        )
    try:
        shape = sg.shape(data)
    except (ValueError, TypeError, AttributeError, IndexError) as error:
        raise ValidationError(_("Die Geometrie ist kein gültiges GeoJSON.")) from error
    if shape.is_empty or not shape.is_valid:
        raise ValidationError(_("Die Geometrie ist leer oder ungültig."))
    min_x, min_y, max_x, max_y = shape.bounds
    if not (-180 <= min_x <= max_x <= 180 and -90 <= min_y <= max_y <= 90):
        raise ValidationError(
            _("Koordinaten bitte als Längengrad, Breitengrad (WGS 84).")
        )
    # As for points: the boundary counts as inside (a street on the edge), nothing more.
    if quarter is not None and not quarter.shape.covers(shape):
        raise ValidationError(_("Der Ort liegt nicht im Quartier."))
    return to_geojson(shape)


class FundingLineQuerySet(models.QuerySet):
    def for_quarter(self, quarter: Quarter, *, public: bool = True):
        measures = Measure.objects.public() if public else Measure.objects.all()
        return self.filter(measure__in=measures.filter(quarter=quarter))

    def totals_by(self, *fields: str):
        """Planned and spent sums grouped by `fields` (e.g. "year", "source")."""
        return (
            self.values(*fields)
            .annotate(planned_sum=Sum("planned"), spent_sum=Sum("spent"))
            .order_by(*fields)
        )


class FundingLine(models.Model):
    """Money for one measure from one source in one year: planned and spent."""

    measure = ParentalKey(Measure, on_delete=models.CASCADE, related_name="funding")
    source = models.CharField(
        _("Mittelgeber"), max_length=20, choices=FundingSource.choices
    )
    year = models.PositiveSmallIntegerField(_("Jahr"))
    planned = _money(verbose_name=_("geplant (Euro)"), default=Decimal("0"))
    spent = _money(verbose_name=_("ausgegeben (Euro)"), default=Decimal("0"))
    note = models.CharField(
        _("Hinweis"), max_length=200, blank=True, help_text=_("z. B. Förderbescheid")
    )

    objects = FundingLineQuerySet.as_manager()

    class Meta:
        verbose_name = _("Finanzierung")
        verbose_name_plural = _("Finanzierung nach Mittelgeber und Jahr")
        ordering = ["year", "source"]
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "source", "year"],
                name="funding_line_once_per_source_and_year",
            ),
            models.CheckConstraint(
                condition=Q(planned__gte=0) & Q(spent__gte=0),
                name="funding_line_amounts_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(year__gte=1990) & Q(year__lte=2100),
                name="funding_line_year_plausible",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source_label} {self.year}"

    @property
    def source_label(self) -> str:
        return FundingSource(self.source).label


class MeasureDocument(models.Model):
    """A PDF or other file about a measure, with a title that says what it is."""

    measure = ParentalKey(Measure, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("Dokument"),
    )
    title = models.CharField(
        _("Titel für Screenreader und Liste"),
        max_length=200,
        help_text=_("z. B. Förderbescheid des Bundes vom März 2023"),
    )
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("Dokument")
        verbose_name_plural = _("Dokumente")
        ordering = ["sort_order", "pk"]

    def __str__(self) -> str:
        return self.title


class ProgressUpdate(models.Model):
    """A dated post on how the measure is going; shown as a timeline."""

    measure = ParentalKey(Measure, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(_("Datum"))
    title = models.CharField(_("Überschrift"), max_length=200)
    text = models.TextField(_("Text"))
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Bild"),
    )

    class Meta:
        verbose_name = _("Fortschrittsbericht")
        verbose_name_plural = _("Fortschrittsberichte")
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.date:%d.%m.%Y} {self.title}"


class MeasureChange(models.Model):
    """One recorded change of status, money, dates or updates, with who and when."""

    measure = models.ForeignKey(
        Measure, on_delete=models.CASCADE, related_name="changes"
    )
    changed_at = models.DateTimeField(_("geändert am"), auto_now_add=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("geändert von"),
    )
    field = models.CharField(_("Feld"), max_length=100)
    old_value = models.CharField(_("vorher"), max_length=300, blank=True)
    new_value = models.CharField(_("nachher"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("Änderung")
        verbose_name_plural = _("Änderungsverlauf")
        ordering = ["-changed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.field_label}: {self.old_value} → {self.new_value}"

    @property
    def field_label(self) -> str:
        """ "planned:bund" → "geplant (Bund)"; model fields by their verbose name."""
        kind, _sep, source = self.field.partition(":")
        if source:
            label = _("geplant") if kind == "planned" else _("ausgegeben")
            return f"{label} ({FundingSource(source).label})"
        if self.field == "updates":
            return str(_("Fortschrittsberichte"))
        try:
            return str(Measure._meta.get_field(self.field).verbose_name)
        except FieldDoesNotExist:  # a renamed field still shows its raw name
            return self.field

    @property
    def old_display(self) -> str:
        return self._display(self.old_value)

    @property
    def new_display(self) -> str:
        return self._display(self.new_value)

    def _display(self, value: str) -> str:
        if self.field == "status" and value in Measure.Status.values:
            return str(Measure.Status(value).label)
        return value


def normalise_street(street: str) -> str:
    """ "Tannenburgstr." and "tannenburg straße" meet at "tannenburgstrasse"."""
    value = street.strip().lower().replace("ß", "ss")
    value = re.sub(r"str\.?$", "strasse", value)
    value = re.sub(r"str\.?\s", "strasse ", value)
    return re.sub(r"[\s\-.]+", "", value)


class AddressQuerySet(models.QuerySet):
    def lookup(self, street: str, house_number: str):
        return self.filter(
            street_key=normalise_street(street),
            house_number=house_number.strip().lower().replace(" ", ""),
        )


class Address(models.Model):
    """A geocoded address from the city's local street list (imported from CSV)."""

    street = models.CharField(_("Straße"), max_length=150)
    street_key = models.CharField(max_length=150, editable=False, db_index=True)
    house_number = models.CharField(_("Hausnummer"), max_length=10)
    postcode = models.CharField(_("PLZ"), max_length=10, blank=True)
    longitude = models.FloatField(_("Längengrad"))
    latitude = models.FloatField(_("Breitengrad"))

    objects = AddressQuerySet.as_manager()

    class Meta:
        verbose_name = _("Adresse")
        verbose_name_plural = _("Adressen")
        ordering = ["street", "house_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["street_key", "house_number"], name="address_unique"
            ),
            models.CheckConstraint(
                condition=Q(longitude__range=(-180, 180), latitude__range=(-90, 90)),
                name="address_point_in_wgs84",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.street} {self.house_number}"

    def save(self, *args, **kwargs):
        self.street_key = normalise_street(self.street)
        self.house_number = self.house_number.strip().lower().replace(" ", "")
        super().save(*args, **kwargs)


def split_address(text: str) -> tuple[str, str] | None:
    """ "Tannenburgstraße 61a, 49084 Osnabrück" → ("Tannenburgstraße", "61a")."""
    first = text.split(",")[0].strip()
    match = re.fullmatch(r"(.+?)\s*(\d+\s*[a-zA-Z]?)", first)
    if not match:
        return None
    return match.group(1).strip(), match.group(2).replace(" ", "").lower()
