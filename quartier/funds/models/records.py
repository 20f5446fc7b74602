"""What the jury and the team record on an application: votes, conflicts, payments."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .application import FundApplication
from .fund import JuryMember, money_field


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
