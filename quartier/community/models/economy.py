"""Vacant commercial units (Leerstand) and enquiries about them."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import FileExtensionValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from quartier.core.geo import optional_point_constraint
from quartier.core.validators import validate_pdf_upload
from quartier.quarters.models import Quarter
from quartier.quarters.permissions import is_city_editor


class VacancyQuerySet(models.QuerySet):
    def listed(self):
        """Public listings: available or reserved, not yet let."""
        return self.filter(
            is_published=True,
            status__in=[Vacancy.Status.AVAILABLE, Vacancy.Status.RESERVED],
        )

    def for_list(self):
        return self.select_related("quarter", "photo")

    def for_user(self, user):

        if not user.is_authenticated:
            return self.none()
        if is_city_editor(user):
            return self
        return self.filter(quarter__team__in=user.groups.all())


def floor_plan_path(instance: Vacancy, filename: str) -> str:
    # A random name outside the public media folders: a floor plan is served only by
    # `community:vacancy_floor_plan`, which shows it only where the listing is visible.
    return f"vacancies/floor-plans/{uuid.uuid4().hex}.pdf"


class Vacancy(ClusterableModel):
    """Leerstand: a vacant commercial unit. Rows stay after letting, for the history."""

    class UseClass(models.TextChoices):
        RETAIL = "retail", _("Laden / Einzelhandel")
        GASTRONOMY = "gastronomy", _("Gastronomie")
        OFFICE = "office", _("Büro / Praxis")
        WORKSHOP = "workshop", _("Werkstatt / Handwerk")
        OTHER = "other", _("Sonstiges")

    class Status(models.TextChoices):
        AVAILABLE = "available", _("frei")
        RESERVED = "reserved", _("reserviert")
        LET = "let", _("vermietet")
        WITHDRAWN = "withdrawn", _("zurückgezogen")

    quarter = models.ForeignKey(
        Quarter,
        on_delete=models.CASCADE,
        related_name="vacancies",
        verbose_name=_("Quartier"),
    )
    title = models.CharField(_("Titel"), max_length=150)
    street = models.CharField(_("Straße und Hausnummer"), max_length=200)
    postcode = models.CharField(_("PLZ"), max_length=10)
    longitude = models.FloatField(_("Längengrad"), null=True, blank=True)
    latitude = models.FloatField(_("Breitengrad"), null=True, blank=True)
    area_m2 = models.DecimalField(
        _("Fläche (m²)"),
        max_digits=7,
        decimal_places=1,
        validators=[MinValueValidator(1)],
    )
    use_class = models.CharField(
        _("Nutzungsart"), max_length=20, choices=UseClass.choices
    )
    rent_min = models.DecimalField(
        _("Kaltmiete von (Euro/Monat)"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
    )
    rent_max = models.DecimalField(
        _("Kaltmiete bis (Euro/Monat)"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Leer lassen heißt: Miete auf Anfrage."),
    )
    available_from = models.DateField(_("verfügbar ab"), null=True, blank=True)
    description = models.TextField(_("Beschreibung"), blank=True)
    interim_use = models.BooleanField(
        _("Zwischennutzung möglich"),
        default=False,
        help_text=_("z. B. für Pop-up-Läden, Ausstellungen, Initiativen"),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Foto"),
    )
    floor_plan = models.FileField(
        _("Grundriss (PDF)"),
        upload_to=floor_plan_path,
        blank=True,
        validators=[FileExtensionValidator(["pdf"]), validate_pdf_upload],
    )
    contact_email = models.EmailField(
        _("E-Mail für Anfragen"),
        help_text=_("Wird nie angezeigt; Anfragen über das Formular gehen hierhin."),
    )
    status = models.CharField(
        _("Status"), max_length=10, choices=Status.choices, default=Status.AVAILABLE
    )
    vacant_since = models.DateField(_("leer seit"), default=timezone.localdate)
    vacant_until = models.DateField(
        _("leer bis"),
        null=True,
        blank=True,
        help_text=_("Wann der Leerstand endete (Vermietung)."),
    )
    is_published = models.BooleanField(_("veröffentlicht"), default=True)
    is_demo = models.BooleanField(_("Demo-Eintrag"), default=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submitted_vacancies",
        verbose_name=_("gemeldet von"),
        help_text=_("Eigentümer*in, die den Leerstand im Portal gemeldet hat."),
    )

    objects = VacancyQuerySet.as_manager()

    class Meta:
        verbose_name = _("Leerstand")
        verbose_name_plural = _("Leerstände")
        ordering = ["-vacant_since"]
        constraints = [
            models.CheckConstraint(
                condition=Q(rent_min__isnull=True)
                | Q(rent_max__isnull=True)
                | Q(rent_max__gte=models.F("rent_min")),
                name="vacancy_rent_range_ordered",
            ),
            models.CheckConstraint(
                condition=Q(vacant_until__isnull=True)
                | Q(vacant_until__gte=models.F("vacant_since")),
                name="vacancy_ends_after_start",
            ),
            optional_point_constraint("vacancy_point_in_wgs84"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.street})"

    def get_absolute_url(self) -> str:
        return reverse("community:vacancy_detail", kwargs={"pk": self.pk})

    def get_floor_plan_url(self) -> str:
        return reverse("community:vacancy_floor_plan", kwargs={"pk": self.pk})

    @property
    def rent_on_request(self) -> bool:
        return self.rent_min is None and self.rent_max is None

    @property
    def has_point(self) -> bool:
        return self.longitude is not None and self.latitude is not None

    @property
    def address(self) -> str:
        return f"{self.street}, {self.postcode} Osnabrück"


class VacancyPhoto(Orderable):
    """More pictures of a unit: rooms, shop window, backyard."""

    vacancy = ParentalKey(Vacancy, on_delete=models.CASCADE, related_name="more_photos")
    image = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("Foto"),
    )
    caption = models.CharField(
        _("Was zeigt das Foto?"),
        max_length=200,
        help_text=_("Für Menschen, die das Foto nicht sehen können."),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("weiteres Foto")
        verbose_name_plural = _("weitere Fotos")

    def __str__(self) -> str:
        return self.caption


class VacancyEnquiry(models.Model):
    """Someone interested in a unit; relayed by mail to the hidden contact address."""

    vacancy = models.ForeignKey(
        Vacancy, on_delete=models.CASCADE, related_name="enquiries"
    )
    name = models.CharField(_("Ihr Name"), max_length=100)
    email = models.EmailField(
        _("Ihre E-Mail-Adresse"),
        help_text=_("Nur der Anbieter erhält sie, damit er Ihnen antworten kann."),
    )
    message = models.TextField(_("Ihre Nachricht"), max_length=3000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("Anfrage zu Leerstand")
        verbose_name_plural = _("Anfragen zu Leerständen")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.vacancy} – {self.created_at:%d.%m.%Y}"


class CommercialStock(models.Model):
    """How many commercial units a quarter has in a year: the base of the vacancy rate."""

    quarter = models.ForeignKey(
        Quarter,
        on_delete=models.CASCADE,
        related_name="commercial_stock",
        verbose_name=_("Quartier"),
    )
    year = models.PositiveSmallIntegerField(_("Jahr"))
    units = models.PositiveIntegerField(
        _("Gewerbeeinheiten"), help_text=_("Alle Ladenlokale, Büros und Werkstätten")
    )
    source = models.CharField(_("Quelle"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("Gewerbebestand")
        verbose_name_plural = _("Gewerbebestand")
        ordering = ["quarter", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["quarter", "year"], name="commercial_stock_once_per_year"
            ),
            models.CheckConstraint(
                condition=Q(units__gt=0), name="commercial_stock_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quarter} {self.year}: {self.units}"
