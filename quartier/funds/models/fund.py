"""A fund, its application rounds, its jury and the jury's meetings."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
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
