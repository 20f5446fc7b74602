"""An application with its cost plan, attachments and the log of its status changes."""

from __future__ import annotations

import uuid
from decimal import Decimal
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .fund import ZERO, Fund, FundRound, Meeting, money_field
from .status import (
    COMMITTED_STATES,
    EDITABLE_STATES,
    TRANSITIONS,
    InvalidTransition,
    Status,
)


class FundApplicationQuerySet(models.QuerySet):
    def committed(self):
        return self.filter(status__in=COMMITTED_STATES)

    def funded_public(self):
        """Approved projects for the public page: only fields without personal data."""
        return self.committed().only(
            "pk",
            "fund_id",
            "title",
            "summary",
            "category",
            "approved_amount",
            "budget_year",
        )

    def ready_for_decision(self):
        return self.filter(status=Status.READY)

    def proof_overdue(self, today=None):
        today = today or timezone.localdate()
        return self.filter(
            status__in=(Status.LETTER_SENT, Status.PAID), proof_due_on__lt=today
        )

    def with_details(self):
        return self.select_related("fund__quarter", "applicant").prefetch_related(
            "cost_items", "payments"
        )


class FundApplication(models.Model):
    """Antrag auf Mittel aus dem Verfügungsfonds, from draft to proof of use."""

    Status = Status

    class ApplicantType(models.TextChoices):
        PERSON = "person", _("Privatperson oder Nachbarschaftsgruppe")
        CLUB = "club", _("Verein oder Initiative")
        INSTITUTION = "institution", _("Einrichtung (Schule, Kita, Gemeinde)")
        BUSINESS = "business", _("Gewerbetreibende")

    class Category(models.TextChoices):
        NEIGHBOURHOOD = "neighbourhood", _("Nachbarschaft und Begegnung")
        CULTURE = "culture", _("Kultur und Feste")
        GREEN = "green", _("Grün, Umwelt und Klima")
        YOUTH = "youth", _("Kinder und Jugendliche")
        SENIORS = "seniors", _("Ältere Menschen")
        PUBLIC_SPACE = "public_space", _("Öffentlicher Raum")

    fund = models.ForeignKey(
        Fund, on_delete=models.PROTECT, related_name="applications"
    )
    round = models.ForeignKey(
        FundRound,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="applications",
        verbose_name=_("Antragsrunde"),
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="fund_applications",
    )
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    # Project: public once approved (title, summary, amount), never the contact data.
    title = models.CharField(_("Titel des Projekts"), max_length=150, blank=True)
    summary = models.CharField(
        _("Kurzbeschreibung"),
        max_length=300,
        blank=True,
        help_text=_(
            "Zwei, drei Sätze. Wird nach einer Bewilligung öffentlich gezeigt."
        ),
    )
    description = models.TextField(
        _("Was haben Sie vor?"),
        blank=True,
        help_text=_("Was passiert, wo, für wen, und was bleibt danach sichtbar?"),
    )
    category = models.CharField(
        _("Themenfeld"), max_length=20, choices=Category.choices, blank=True
    )
    starts_on = models.DateField(_("Beginn"), null=True, blank=True)
    ends_on = models.DateField(_("Ende"), null=True, blank=True)
    own_contribution = money_field(
        _("Eigenanteil (Euro)"),
        default=ZERO,
        help_text=_("Geld oder Spenden, die Sie selbst einbringen."),
    )
    # Applicant: personal data, seen only by the team (and anonymised after retention).
    applicant_type = models.CharField(
        _("Wer stellt den Antrag?"),
        max_length=20,
        choices=ApplicantType.choices,
        default=ApplicantType.PERSON,
    )
    organisation = models.CharField(
        _("Verein, Gruppe oder Einrichtung"), max_length=200, blank=True
    )
    contact_name = models.CharField(_("Ansprechperson"), max_length=150, blank=True)
    contact_phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    address = models.CharField(
        _("Anschrift"),
        max_length=250,
        blank=True,
        help_text=_("Für den Bescheid und die Auszahlung."),
    )
    iban = models.CharField(_("IBAN für die Auszahlung"), max_length=34, blank=True)
    # Decision.
    approved_amount = money_field(_("Bewilligter Betrag (Euro)"), null=True, blank=True)
    conditions = models.TextField(_("Auflagen"), blank=True)
    decision_reason = models.TextField(_("Begründung"), blank=True)
    decided_at = models.DateTimeField(_("entschieden am"), null=True, blank=True)
    budget_year = models.PositiveSmallIntegerField(
        _("Haushaltsjahr"), null=True, blank=True
    )
    meeting = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decisions",
        verbose_name=_("Jurysitzung"),
    )
    votes_yes = models.PositiveSmallIntegerField(_("Ja-Stimmen"), null=True, blank=True)
    votes_no = models.PositiveSmallIntegerField(
        _("Nein-Stimmen"), null=True, blank=True
    )
    votes_abstain = models.PositiveSmallIntegerField(
        _("Enthaltungen"), null=True, blank=True
    )
    letter_number = models.CharField(_("Bescheid-Nummer"), max_length=30, blank=True)
    letter_sent_on = models.DateField(_("Bescheid vom"), null=True, blank=True)
    proof_due_on = models.DateField(
        _("Verwendungsnachweis fällig am"), null=True, blank=True
    )
    last_reminder_on = models.DateField(_("zuletzt erinnert am"), null=True, blank=True)
    # Proof of use (Verwendungsnachweis).
    proof_report = models.TextField(_("Kurzbericht"), blank=True)
    spent_total = money_field(_("Tatsächlich ausgegeben (Euro)"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)
    is_demo = models.BooleanField(default=False)

    objects = FundApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("Antrag auf Mittel aus dem Verfügungsfonds")
        verbose_name_plural = _("Anträge auf Mittel aus dem Verfügungsfonds")
        ordering = ["-created_at"]
        permissions = [("manage_fundapplication", "Anträge bearbeiten und entscheiden")]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="application_status_known"
            ),
            models.CheckConstraint(
                condition=~Q(status__in=COMMITTED_STATES)
                | Q(approved_amount__gt=0, budget_year__isnull=False),
                name="application_approved_has_amount_and_year",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="application_ends_after_start",
            ),
            models.UniqueConstraint(
                fields=["letter_number"],
                condition=~Q(letter_number=""),
                name="application_letter_number_unique",
            ),
        ]

    def __str__(self) -> str:
        return self.title or str(_("Antrag ohne Titel"))

    def get_absolute_url(self) -> str:
        return reverse("funds:application_detail", kwargs={"pk": self.pk})

    # State machine: the only way to change `status`.
    def can_move_to(self, target: str) -> bool:
        return (self.status, target) in TRANSITIONS

    def mover(self, target: str) -> str | None:
        return TRANSITIONS.get((self.status, target))

    def move_to(self, target: str, *, actor, reason: str = "") -> StatusChange:
        """Change the status if the workflow allows it, and log who, when and why.

        The caller saves the application (services do, inside their transaction).
        """
        if not self.can_move_to(target):
            raise InvalidTransition(f"{self.status} → {target}")
        change = StatusChange(
            application=self,
            from_status=self.status,
            to_status=target,
            actor=actor,
            reason=reason,
        )
        self.status = target
        return change

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATES

    @property
    def is_proof_overdue(self) -> bool:
        return (
            self.status in (Status.LETTER_SENT, Status.PAID)
            and self.proof_due_on is not None
            and self.proof_due_on < timezone.localdate()
        )

    @property
    def is_decided_lower_or_conditional(self) -> bool:
        return self.approved_amount is not None and (
            bool(self.conditions) or self.approved_amount < self.requested_amount
        )

    # Money: computed from prefetched cost items so templates cause no queries.
    @property
    def cost_total(self) -> Decimal:
        return sum((item.amount for item in self.cost_items.all()), ZERO)

    @property
    def requested_amount(self) -> Decimal:
        return max(self.cost_total - self.own_contribution, ZERO)

    @property
    def paid_total(self) -> Decimal:
        return sum((p.amount for p in self.payments.all()), ZERO)

    @property
    def open_amount(self) -> Decimal:
        return (self.approved_amount or ZERO) - self.paid_total


class CostItem(models.Model):
    """One line of the cost plan."""

    application = models.ForeignKey(
        FundApplication, on_delete=models.CASCADE, related_name="cost_items"
    )
    description = models.CharField(_("Wofür?"), max_length=200)
    amount = money_field(_("Betrag (Euro)"))
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("Kostenposition")
        verbose_name_plural = _("Kostenplan")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.description


def attachment_path(instance: Attachment, filename: str) -> str:
    # Random names: a guessed URL must not reveal someone's receipts.
    suffix = PurePath(filename).suffix.lower()
    return f"funds/{instance.application.fund_id}/{uuid.uuid4().hex}{suffix}"


class Attachment(models.Model):
    class Kind(models.TextChoices):
        APPLICATION = "application", _("Unterlage zum Antrag")
        RECEIPT = "receipt", _("Beleg")
        PHOTO = "photo", _("Foto")

    application = models.ForeignKey(
        FundApplication, on_delete=models.CASCADE, related_name="attachments"
    )
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    file = models.FileField(_("Datei"), upload_to=attachment_path)
    name = models.CharField(_("Dateiname"), max_length=200)
    size = models.PositiveIntegerField(_("Größe (Bytes)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Anhang")
        verbose_name_plural = _("Anhänge")
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse(
            "funds:attachment",
            kwargs={"pk": self.application_id, "attachment": self.pk},
        )


class StatusChange(models.Model):
    """The workflow log: every transition with who, when and why."""

    application = models.ForeignKey(
        FundApplication, on_delete=models.CASCADE, related_name="history"
    )
    from_status = models.CharField(max_length=20, choices=Status.choices)
    to_status = models.CharField(max_length=20, choices=Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    reason = models.TextField(blank=True)

    class Meta:
        verbose_name = _("Statuswechsel")
        verbose_name_plural = _("Verlauf")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"
