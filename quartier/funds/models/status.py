"""The states of an application and who may move it from one to the next."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


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
