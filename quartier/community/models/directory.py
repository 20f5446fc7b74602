"""The actors directory: organisations and businesses, their hours and members."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from quartier.core.geo import optional_point_constraint
from quartier.core.i18n import translation_of
from quartier.core.opening_hours import (
    Closure,
    OpeningPeriod,
    OpeningState,
    opening_state,
)
from quartier.core.validators import validate_link
from quartier.quarters.models import Quarter
from quartier.quarters.permissions import is_city_editor


class Language(models.Model):
    """A language an organisation or business speaks (filterable, so a model)."""

    code = models.SlugField(_("Kürzel"), max_length=10, unique=True)
    name = models.CharField(_("Sprache"), max_length=50)
    name_en = models.CharField(
        _("Sprache (englisch)"),
        max_length=50,
        blank=True,
        help_text=_("Leer lassen: Englische Seiten zeigen dann den deutschen Text."),
    )
    sort_order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Sprache")
        verbose_name_plural = _("Sprachen")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return translation_of(self, "name")


class TargetGroup(models.Model):
    """Whom an offer is for: children, families, seniors, newcomers ..."""

    slug = models.SlugField(_("Kürzel"), unique=True)
    name = models.CharField(_("Zielgruppe"), max_length=80)
    name_en = models.CharField(
        _("Zielgruppe (englisch)"),
        max_length=80,
        blank=True,
        help_text=_("Leer lassen: Englische Seiten zeigen dann den deutschen Text."),
    )
    sort_order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Zielgruppe")
        verbose_name_plural = _("Zielgruppen")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return translation_of(self, "name")


class OrganisationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def actors(self):
        """The directory of clubs, institutions, initiatives: everything but businesses."""
        return self.exclude(kind=Organisation.Kind.BUSINESS)

    def businesses(self):
        return self.filter(kind=Organisation.Kind.BUSINESS)

    def in_quarter(self, quarter):
        return self.filter(quarters=quarter) if quarter else self

    def for_list(self):
        """Everything a list row or map point shows, in a fixed number of queries."""
        return self.prefetch_related(
            "languages",
            "target_groups",
            Prefetch("quarters", queryset=Quarter.objects.only("pk", "name", "slug")),
            "hours",
            "closures",
        ).annotate(
            is_claimed=Exists(
                Membership.objects.filter(
                    organisation=OuterRef("pk"), verified_at__isnull=False
                )
            )
        )

    def for_user(self, user):
        """The entries `user` may manage in the admin: by quarter team, or all."""

        if not user.is_authenticated:
            return self.none()
        if is_city_editor(user):
            return self
        return self.filter(
            pk__in=Organisation.objects.filter(
                quarters__team__in=user.groups.all()
            ).values("pk")
        )


class Organisation(ClusterableModel):
    """A club, association, institution or business active in one or more quarters.

    Its members (verified by a quarter team) act for it: publish events, answer enquiries.
    """

    class Kind(models.TextChoices):
        CLUB = "club", _("Verein")
        INITIATIVE = "initiative", _("Initiative")
        CHURCH = "church", _("Kirchengemeinde")
        SCHOOL = "school", _("Schule")
        DAYCARE = "daycare", _("Kindertagesstätte")
        SOCIAL_SERVICE = "social_service", _("Sozialer Träger")
        HOUSING = "housing", _("Wohnungsunternehmen")
        BUSINESS = "business", _("Unternehmen")
        PUBLIC = "public", _("Öffentliche Einrichtung")

    class BusinessCategory(models.TextChoices):
        SHOP = "shop", _("Einzelhandel")
        CRAFT = "craft", _("Handwerk")
        GASTRONOMY = "gastronomy", _("Gastronomie")
        SERVICE = "service", _("Dienstleistung")
        HEALTH = "health", _("Gesundheit")

    name = models.CharField(_("Name"), max_length=200)
    slug = models.SlugField(_("Kürzel"), unique=True)
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    quarters = models.ManyToManyField(
        Quarter, related_name="organisations", verbose_name=_("Quartiere")
    )
    description = models.TextField(_("Beschreibung"), blank=True)
    website = models.URLField(_("Website"), blank=True, validators=[validate_link])
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="Membership",
        through_fields=("organisation", "user"),
        related_name="organisations",
        blank=True,
    )
    # Directory fields (issue 7). An organisation's own contact data is public by
    # choice; a private person's never is.
    street = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    postcode = models.CharField(_("PLZ"), max_length=10, blank=True)
    city = models.CharField(_("Ort"), max_length=100, default="Osnabrück")
    longitude = models.FloatField(_("Längengrad"), null=True, blank=True)
    latitude = models.FloatField(_("Breitengrad"), null=True, blank=True)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    contact_email = models.EmailField(
        _("E-Mail für Anfragen"),
        blank=True,
        help_text=_(
            "Wird nie angezeigt. Nachrichten über das Portal gehen hierhin, "
            "solange niemand den Eintrag betreut."
        ),
    )
    languages = models.ManyToManyField(
        Language, blank=True, related_name="organisations", verbose_name=_("Sprachen")
    )
    target_groups = models.ManyToManyField(
        TargetGroup,
        blank=True,
        related_name="organisations",
        verbose_name=_("Zielgruppen"),
    )
    step_free = models.BooleanField(
        _("Stufenloser Zugang"),
        default=False,
        help_text=_("Eingang ohne Stufen oder mit Rampe"),
    )
    accessibility = models.TextField(
        _("Barrierefreiheit"), blank=True, help_text=_("z. B. WC, Parkplatz, Aufzug")
    )
    business_category = models.CharField(
        _("Branche"), max_length=20, choices=BusinessCategory.choices, blank=True
    )
    delivers = models.BooleanField(_("Lieferservice"), default=False)
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Bild"),
    )
    is_published = models.BooleanField(_("veröffentlicht"), default=True)
    is_demo = models.BooleanField(
        _("Demo-Eintrag"),
        default=False,
        help_text=_("Erfundener Eintrag, wird als Demo gekennzeichnet."),
    )
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("Organisation")
        verbose_name_plural = _("Organisationen")
        ordering = ["name"]
        constraints = [optional_point_constraint("organisation_point_in_wgs84")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("community:organisation_detail", kwargs={"slug": self.slug})

    @property
    def is_business(self) -> bool:
        return self.kind == self.Kind.BUSINESS

    @property
    def address(self) -> str:
        return f"{self.street}, {self.postcode} {self.city}" if self.street else ""

    @property
    def has_point(self) -> bool:
        return self.longitude is not None and self.latitude is not None

    def opening_state(self, at=None) -> OpeningState:
        """Uses prefetched hours and closures (see `for_list`)."""
        return opening_state(self.hours.all(), self.closures.all(), at)


class OrganisationHours(OpeningPeriod):
    organisation = ParentalKey(
        Organisation, on_delete=models.CASCADE, related_name="hours"
    )

    class Meta(OpeningPeriod.Meta):
        verbose_name = _("Öffnungszeit")
        verbose_name_plural = _("Öffnungszeiten")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes__gt=models.F("opens")),
                name="organisation_hours_close_after_open",
            )
        ]


class OrganisationClosure(Closure):
    organisation = ParentalKey(
        Organisation, on_delete=models.CASCADE, related_name="closures"
    )

    class Meta(Closure.Meta):
        verbose_name = _("Schließzeit")
        verbose_name_plural = _("Schließzeiten")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="organisation_closure_ends_after_start",
            )
        ]


class MembershipQuerySet(models.QuerySet):
    def verified(self):
        return self.filter(verified_at__isnull=False)

    def pending(self):
        return self.filter(verified_at__isnull=True)


class Membership(models.Model):
    """A person acting for an organisation; pending until a quarter team verifies it.

    A claim of an entry is a pending membership with a message to the team.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    verified_at = models.DateTimeField(_("bestätigt am"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    role = models.CharField(
        _("Funktion"), max_length=100, blank=True, help_text=_("z. B. Vorstand")
    )
    message = models.TextField(
        _("Nachricht an das Quartiersteam"),
        blank=True,
        help_text=_("Woran erkennt das Team, dass Sie für die Organisation handeln?"),
    )
    requested_at = models.DateTimeField(_("angefragt am"), default=timezone.now)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("Mitgliedschaft")
        verbose_name_plural = _("Mitgliedschaften")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"], name="membership_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation}"

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None
