"""Volunteering roles (Ehrenamt und Engagement)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from quartier.quarters.models import Quarter

from .directory import Organisation


class OpportunityQuerySet(models.QuerySet):
    def open(self):
        today = timezone.localdate()
        return self.filter(status=Opportunity.Status.OPEN).filter(
            Q(expires_on__isnull=True) | Q(expires_on__gte=today)
        )

    def for_list(self):
        return self.select_related("organisation", "quarter")


class Opportunity(models.Model):
    """Ehrenamt: a task an organisation (or the quarter team) looks for volunteers for."""

    class Commitment(models.TextChoices):
        ONE_OFF = "one_off", _("einmalig")
        REGULAR = "regular", _("regelmäßig")

    class Status(models.TextChoices):
        OPEN = "open", _("offen")
        FILLED = "filled", _("besetzt")
        CLOSED = "closed", _("beendet")

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="opportunities",
        verbose_name=_("Organisation"),
    )
    quarter = models.ForeignKey(
        Quarter,
        on_delete=models.CASCADE,
        related_name="opportunities",
        verbose_name=_("Quartier"),
    )
    title = models.CharField(_("Aufgabe"), max_length=150)
    description = models.TextField(_("Beschreibung"))
    commitment = models.CharField(
        _("Art des Einsatzes"), max_length=10, choices=Commitment.choices
    )
    time_needed = models.CharField(
        _("Zeitaufwand"), max_length=150, help_text=_("z. B. zwei Stunden pro Woche")
    )
    skills = models.CharField(_("Was Sie mitbringen"), max_length=300, blank=True)
    place = models.CharField(_("Ort"), max_length=200, blank=True)
    contact_name = models.CharField(
        _("Ansprechperson"),
        max_length=100,
        blank=True,
        help_text=_("Vorname oder Funktion genügt."),
    )
    status = models.CharField(
        _("Status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    expires_on = models.DateField(_("gesucht bis"), null=True, blank=True)
    created_at = models.DateTimeField(_("eingestellt am"), default=timezone.now)
    is_demo = models.BooleanField(_("Demo-Eintrag"), default=False)

    objects = OpportunityQuerySet.as_manager()

    class Meta:
        verbose_name = _("Engagement-Angebot")
        verbose_name_plural = _("Engagement-Angebote")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("community:opportunity_detail", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN and (
            self.expires_on is None or self.expires_on >= timezone.localdate()
        )
