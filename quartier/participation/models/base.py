"""Per-quarter settings, fields of action, and the time-boxed calls for ideas."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from quartier.core.i18n import translation_of
from quartier.quarters.models import Quarter


class QuarterParticipationSettings(models.Model):
    """How participation works in one quarter; kept off Quarter so this app owns it."""

    class Moderation(models.TextChoices):
        POST = "post", _("Nachträglich: Beiträge erscheinen sofort")
        PRE = "pre", _("Vorab: Beiträge erscheinen nach Freigabe")

    quarter = models.OneToOneField(
        Quarter,
        on_delete=models.CASCADE,
        related_name="participation_settings",
        verbose_name=_("Quartier"),
    )
    moderation = models.CharField(
        _("Moderation"),
        max_length=10,
        choices=Moderation.choices,
        default=Moderation.POST,
    )

    class Meta:
        verbose_name = _("Beteiligungseinstellungen")
        verbose_name_plural = _("Beteiligungseinstellungen")

    def __str__(self) -> str:
        return str(self.quarter)

    @classmethod
    def for_quarter(cls, quarter: Quarter) -> QuarterParticipationSettings:
        return cls.objects.get_or_create(quarter=quarter)[0]


class Category(models.Model):
    """A field of action (Handlungsfeld); without a quarter it applies to every quarter."""

    quarter = models.ForeignKey(
        Quarter,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="idea_categories",
        verbose_name=_("Quartier"),
        help_text=_("Leer lassen, wenn das Handlungsfeld für alle Quartiere gilt."),
    )
    name = models.CharField(_("Name"), max_length=80)
    name_en = models.CharField(
        _("Name (englisch)"),
        max_length=80,
        blank=True,
        help_text=_("Leer lassen: Englische Seiten zeigen dann den deutschen Text."),
    )
    sort_order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Handlungsfeld")
        verbose_name_plural = _("Handlungsfelder")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["quarter", "name"], name="category_name_once_per_quarter"
            )
        ]

    def __str__(self) -> str:
        return translation_of(self, "name")

    @classmethod
    def for_quarter(cls, quarter: Quarter | None):
        if quarter is None:
            return cls.objects.all()
        return cls.objects.filter(Q(quarter=quarter) | Q(quarter__isnull=True))


class Phase(models.TextChoices):
    BEFORE = "before", _("noch nicht begonnen")
    OPEN = "open", _("läuft")
    CLOSED = "closed", _("beendet")


class PeriodQuerySet(models.QuerySet):
    def running(self, at: dt.datetime | None = None):
        at = at or timezone.now()
        return self.filter(starts_at__lte=at, ends_at__gt=at)


class Period(models.Model):
    """A start and end in time; the phase decides whether posting is open."""

    starts_at = models.DateTimeField(_("Beginn"))
    ends_at = models.DateTimeField(_("Ende"))

    class Meta:
        abstract = True

    def phase(self, at: dt.datetime | None = None) -> str:
        at = at or timezone.now()
        if at < self.starts_at:
            return Phase.BEFORE
        if at >= self.ends_at:
            return Phase.CLOSED
        return Phase.OPEN

    @property
    def is_open(self) -> bool:
        return self.phase() == Phase.OPEN


class CallForIdeas(Period):
    """Ideenaufruf: the quarter team asks a question for a limited time."""

    quarter = models.ForeignKey(
        Quarter,
        on_delete=models.CASCADE,
        related_name="calls_for_ideas",
        verbose_name=_("Quartier"),
    )
    title = models.CharField(_("Titel"), max_length=150)
    question = models.CharField(_("Frage"), max_length=300)
    description = models.TextField(_("Beschreibung"), blank=True)
    budget_eur = models.DecimalField(
        _("Budget (Euro)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PeriodQuerySet.as_manager()

    class Meta:
        verbose_name = _("Ideenaufruf")
        verbose_name_plural = _("Ideenaufrufe")
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="call_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("participation:call_detail", args=[self.pk])
