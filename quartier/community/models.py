from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from quartier.quarters.models import Quarter


class Organisation(models.Model):
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

    name = models.CharField(_("Name"), max_length=200)
    slug = models.SlugField(_("Kürzel"), unique=True)
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    quarters = models.ManyToManyField(
        Quarter, related_name="organisations", verbose_name=_("Quartiere")
    )
    description = models.TextField(_("Beschreibung"), blank=True)
    website = models.URLField(_("Website"), blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="Membership",
        through_fields=("organisation", "user"),
        related_name="organisations",
        blank=True,
    )

    class Meta:
        verbose_name = _("Organisation")
        verbose_name_plural = _("Organisationen")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
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
