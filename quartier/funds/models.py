"""Verfügungsfonds: a quarter's small fund, its rounds, jury and the applications to it."""

from __future__ import annotations

import uuid
from decimal import Decimal
from pathlib import PurePath

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from quartier.quarters.models import Quarter
from quartier.quarters.permissions import is_city_editor

ZERO = Decimal("0.00")
CENT = Decimal("0.01")


def money_field(verbose_name, **kwargs) -> models.DecimalField:
    """Euros and cents: Decimal, never float."""
    kwargs.setdefault("validators", [MinValueValidator(ZERO)])
    return models.DecimalField(verbose_name, max_digits=10, decimal_places=2, **kwargs)


class FundQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def for_team(self, user):
        """Funds whose applications `user` handles: all for city editors, else their team's."""

        if not user.is_authenticated:
            return self.none()
        if is_city_editor(user):
            return self
        return self.filter(quarter__team__in=user.groups.all())

    def with_remaining(self, year: int):
        """Annotate `budget_committed` and `budget_remaining` for `year`.

        The one place where "what is left in the fund" is computed: the public pages,
        the team pages, the report, the API and the services that refuse to overspend
        all read it from here, so they can never show different figures.
        """
        applications = self.model._meta.get_field("applications").related_model
        money = models.DecimalField(max_digits=12, decimal_places=2)
        committed = (
            applications.objects.committed()
            .filter(fund=OuterRef("pk"), budget_year=year)
            .order_by()
            .values("fund")
            .annotate(total=Sum("approved_amount"))
            .values("total")
        )
        return self.annotate(
            budget_committed=Coalesce(
                Subquery(committed, output_field=money), Value(ZERO), output_field=money
            ),
            budget_remaining=models.ExpressionWrapper(
                F("yearly_budget") - F("budget_committed"), output_field=money
            ),
        )


class Fund(models.Model):
    """A Verfügungsfonds: a yearly pot of a quarter with its rules and decision body."""

    class Intake(models.TextChoices):
        CONTINUOUS = "continuous", _("laufend")
        ROUNDS = "rounds", _("in Antragsrunden mit Fristen")

    quarter = models.ForeignKey(
        Quarter,
        on_delete=models.PROTECT,
        related_name="funds",
        verbose_name=_("Quartier"),
    )
    name = models.CharField(_("Name"), max_length=150)
    slug = models.SlugField(_("Kürzel in der Adresse"), unique=True)
    intro = models.TextField(_("Kurzbeschreibung"), blank=True)
    intro_en = models.TextField(
        _("Kurzbeschreibung (englisch)"),
        blank=True,
        help_text=_("Leer lassen: Englische Seiten zeigen dann den deutschen Text."),
    )
    yearly_budget = money_field(_("Budget pro Jahr (Euro)"))
    min_per_application = money_field(_("Mindestbetrag je Antrag (Euro)"), default=ZERO)
    max_per_application = money_field(_("Höchstbetrag je Antrag (Euro)"))
    max_per_applicant_year = money_field(
        _("Höchstbetrag je Antragsteller*in und Jahr (Euro)"),
        null=True,
        blank=True,
        help_text=_("Leer lassen, wenn es keine Grenze gibt."),
    )
    own_contribution_percent = models.PositiveSmallIntegerField(
        _("Eigenanteil (Prozent der Gesamtkosten)"), default=0
    )
    eligible = models.TextField(_("Wer darf einen Antrag stellen?"))
    eligible_en = models.TextField(
        _("Wer darf einen Antrag stellen? (englisch)"),
        blank=True,
        help_text=_("Leer lassen: Englische Seiten zeigen dann den deutschen Text."),
    )
    funded = models.TextField(_("Was wird gefördert?"))
    funded_en = models.TextField(
        _("Was wird gefördert? (englisch)"),
        blank=True,
        help_text=_("Leer lassen: Englische Seiten zeigen dann den deutschen Text."),
    )
    not_funded = models.TextField(_("Was wird nicht gefördert?"), blank=True)
    not_funded_en = models.TextField(
        _("Was wird nicht gefördert? (englisch)"),
        blank=True,
        help_text=_("Leer lassen: Englische Seiten zeigen dann den deutschen Text."),
    )
    decision_body = models.CharField(
        _("Wer entscheidet?"), max_length=200, help_text=_("z. B. Bewohnerjury")
    )
    decision_body_en = models.CharField(
        _("Wer entscheidet? (englisch)"),
        max_length=200,
        blank=True,
        help_text=_("z. B. „The residents' jury“"),
    )
    intake = models.CharField(
        _("Antragsannahme"),
        max_length=20,
        choices=Intake.choices,
        default=Intake.CONTINUOUS,
    )
    proof_deadline_days = models.PositiveSmallIntegerField(
        _("Frist für den Verwendungsnachweis (Tage nach Bescheid)"), default=90
    )
    retention_years_personal = models.PositiveSmallIntegerField(
        _("Personenbezogene Daten löschen nach (Jahren)"),
        default=3,
        help_text=_("Gezählt ab Abschluss oder Ablehnung des Antrags."),
    )
    retention_years_payments = models.PositiveSmallIntegerField(
        _("Zahlungsunterlagen aufbewahren (Jahre)"),
        default=10,
        help_text=_("Das Haushaltsrecht verlangt in der Regel zehn Jahre."),
    )
    is_active = models.BooleanField(_("nimmt Anträge an"), default=True)
    is_demo = models.BooleanField(_("Demo-Daten"), default=False)

    objects = FundQuerySet.as_manager()

    class Meta:
        verbose_name = _("Verfügungsfonds")
        verbose_name_plural = _("Verfügungsfonds")
        ordering = ["quarter__sort_order", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(max_per_application__gte=models.F("min_per_application")),
                name="fund_max_not_below_min",
            ),
            models.CheckConstraint(
                condition=Q(own_contribution_percent__lte=100),
                name="fund_own_contribution_percent",
            ),
            models.CheckConstraint(
                condition=Q(
                    retention_years_payments__gte=models.F("retention_years_personal")
                ),
                name="fund_payments_kept_longer",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("funds:fund_detail", kwargs={"slug": self.slug})

    # SQLite hands computed decimals back unscaled (300, not 300.00); the figures are
    # shown and exported, so they are brought to cents here.
    @property
    def committed_amount(self) -> Decimal:
        """Set on funds from `Fund.objects.with_remaining(year)`."""
        return Decimal(self.budget_committed).quantize(CENT)

    @property
    def remaining_amount(self) -> Decimal:
        """Set on funds from `Fund.objects.with_remaining(year)`."""
        return Decimal(self.budget_remaining).quantize(CENT)

    def _budget(self, year: int) -> tuple[Decimal, Decimal]:
        fund = (
            Fund.objects.with_remaining(year)
            .only("pk", "yearly_budget")
            .get(pk=self.pk)
        )
        return fund.committed_amount, fund.remaining_amount

    def committed(self, year: int) -> Decimal:
        """Euros approved in `year` (one query): what the jury has promised so far."""
        return self._budget(year)[0]

    def left(self, year: int) -> Decimal:
        """Euros still free in `year` (one query), see `FundQuerySet.with_remaining`."""
        return self._budget(year)[1]


class FundRound(models.Model):
    """An application round: applications received by the deadline go to one meeting."""

    fund = models.ForeignKey(Fund, on_delete=models.CASCADE, related_name="rounds")
    name = models.CharField(_("Bezeichnung"), max_length=100)
    deadline = models.DateField(_("Einreichen bis"))
    meeting_on = models.DateField(_("Jurysitzung am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Antragsrunde")
        verbose_name_plural = _("Antragsrunden")
        ordering = ["deadline"]
        constraints = [
            models.CheckConstraint(
                condition=Q(meeting_on__isnull=True)
                | Q(meeting_on__gte=models.F("deadline")),
                name="fund_round_meeting_after_deadline",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.deadline:%d.%m.%Y})"


class JuryMember(models.Model):
    """A member of the fund's decision body (jury or Quartiersrat); one user, one fund."""

    fund = models.ForeignKey(Fund, on_delete=models.CASCADE, related_name="jury")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="fund_juries",
        verbose_name=_("Konto"),
    )
    is_chair = models.BooleanField(_("Vorsitz"), default=False)

    class Meta:
        verbose_name = _("Jurymitglied")
        verbose_name_plural = _("Jury")
        constraints = [
            models.UniqueConstraint(fields=["fund", "user"], name="jury_member_once")
        ]

    def __str__(self) -> str:
        return str(self.user)


class Meeting(models.Model):
    """A jury meeting whose result is recorded in one go, with who attended."""

    fund = models.ForeignKey(Fund, on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField(_("Sitzung am"))
    attendees = models.ManyToManyField(
        JuryMember, blank=True, related_name="meetings", verbose_name=_("Anwesend")
    )
    guests = models.CharField(
        _("Weitere Anwesende ohne Stimme"), max_length=300, blank=True
    )
    notes = models.TextField(_("Protokollnotizen"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("Jurysitzung")
        verbose_name_plural = _("Jurysitzungen")
        ordering = ["-held_on"]

    def __str__(self) -> str:
        return f"{self.fund} – {self.held_on:%d.%m.%Y}"

    def get_absolute_url(self) -> str:
        return reverse("funds:meeting_minutes", kwargs={"pk": self.pk})


class Status(models.TextChoices):
    DRAFT = "draft", _("Entwurf")
    SUBMITTED = "submitted", _("eingereicht")
    IN_CHECK = "in_check", _("in formaler Prüfung")
    CHANGES_REQUESTED = "changes_requested", _("Nachbesserung erbeten")
    READY = "ready", _("bereit zur Entscheidung")
    APPROVED = "approved", _("bewilligt")
    REJECTED = "rejected", _("abgelehnt")
    LETTER_SENT = "letter_sent", _("Bescheid verschickt")
    PAID = "paid", _("ausgezahlt")
    PROOF_SUBMITTED = "proof_submitted", _("Verwendungsnachweis eingereicht")
    PROOF_CHECKED = "proof_checked", _("Verwendungsnachweis geprüft")
    CLOSED = "closed", _("abgeschlossen")
    WITHDRAWN = "withdrawn", _("zurückgezogen")


# Who may move an application from one state to the next. "applicant", "team"
# (quarter team or city editors) or "system" (services that record a decision).
TRANSITIONS: dict[tuple[str, str], str] = {
    (Status.DRAFT, Status.SUBMITTED): "applicant",
    (Status.SUBMITTED, Status.IN_CHECK): "team",
    (Status.IN_CHECK, Status.CHANGES_REQUESTED): "team",
    (Status.SUBMITTED, Status.CHANGES_REQUESTED): "team",
    (Status.CHANGES_REQUESTED, Status.SUBMITTED): "applicant",
    (Status.IN_CHECK, Status.READY): "team",
    (Status.READY, Status.APPROVED): "system",
    (Status.READY, Status.REJECTED): "system",
    (Status.APPROVED, Status.LETTER_SENT): "team",
    (Status.LETTER_SENT, Status.PAID): "system",
    (Status.PAID, Status.PROOF_SUBMITTED): "applicant",
    (Status.PROOF_SUBMITTED, Status.PAID): "team",  # proof returned for more receipts
    (Status.PROOF_SUBMITTED, Status.PROOF_CHECKED): "team",
    (Status.PROOF_CHECKED, Status.CLOSED): "team",
    # The applicant deleted their account after money was paid: the file is closed so
    # the payment retention (funds_retention) starts; only account deletion does this.
    (Status.PAID, Status.CLOSED): "account_deletion",
    (Status.PROOF_SUBMITTED, Status.CLOSED): "account_deletion",
    **{
        (state, Status.WITHDRAWN): "applicant"
        for state in (
            Status.DRAFT,
            Status.SUBMITTED,
            Status.IN_CHECK,
            Status.CHANGES_REQUESTED,
            Status.READY,
            Status.APPROVED,
            Status.LETTER_SENT,
        )
    },
}

# States in which approved money counts against the year's budget.
COMMITTED_STATES = (
    Status.APPROVED,
    Status.LETTER_SENT,
    Status.PAID,
    Status.PROOF_SUBMITTED,
    Status.PROOF_CHECKED,
    Status.CLOSED,
)
EDITABLE_STATES = (Status.DRAFT, Status.CHANGES_REQUESTED)
FINAL_STATES = (Status.REJECTED, Status.CLOSED, Status.WITHDRAWN)


class InvalidTransition(Exception):
    pass


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


class Vote(models.Model):
    class Choice(models.TextChoices):
        YES = "yes", _("Ja")
        NO = "no", _("Nein")
        ABSTAIN = "abstain", _("Enthaltung")

    application = models.ForeignKey(
        FundApplication, on_delete=models.CASCADE, related_name="votes"
    )
    member = models.ForeignKey(
        JuryMember, on_delete=models.CASCADE, related_name="votes"
    )
    choice = models.CharField(_("Stimme"), max_length=10, choices=Choice.choices)
    comment = models.CharField(_("Kommentar (optional)"), max_length=500, blank=True)
    at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Stimme")
        verbose_name_plural = _("Stimmen")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "member"], name="vote_once_per_member"
            )
        ]

    def __str__(self) -> str:
        return self.get_choice_display()


class ConflictOfInterest(models.Model):
    """A jury member declared themselves biased: they take no part in that vote."""

    application = models.ForeignKey(
        FundApplication, on_delete=models.CASCADE, related_name="conflicts"
    )
    member = models.ForeignKey(
        JuryMember, on_delete=models.CASCADE, related_name="conflicts"
    )
    note = models.CharField(_("Grund (optional)"), max_length=300, blank=True)
    declared_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Befangenheit")
        verbose_name_plural = _("Befangenheiten")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "member"], name="conflict_once_per_member"
            )
        ]

    def __str__(self) -> str:
        return str(self.member)


class Payment(models.Model):
    application = models.ForeignKey(
        FundApplication, on_delete=models.PROTECT, related_name="payments"
    )
    amount = money_field(_("Betrag (Euro)"))
    paid_on = models.DateField(_("ausgezahlt am"))
    note = models.CharField(_("Vermerk"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("Auszahlung")
        verbose_name_plural = _("Auszahlungen")
        ordering = ["paid_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="payment_positive")
        ]

    def __str__(self) -> str:
        return f"{self.amount} € ({self.paid_on:%d.%m.%Y})"
