"""Writes for the Verfügungsfonds: every status change goes through one of these."""

from __future__ import annotations

import datetime
from decimal import Decimal
from functools import partial

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models import (
    FINAL_STATES,
    TRANSITIONS,
    ZERO,
    Attachment,
    ConflictOfInterest,
    CostItem,
    Fund,
    FundApplication,
    InvalidTransition,
    JuryMember,
    Meeting,
    Payment,
    Status,
    StatusChange,
    Vote,
)
from .tasks import send_status_notification, send_team_notification


class FundError(Exception):
    """A rule of the fund refuses the action; the message is for the user."""

    def __init__(self, messages: list[str] | str):
        self.messages = [messages] if isinstance(messages, str) else list(messages)
        super().__init__("; ".join(self.messages))


def _move(
    application: FundApplication, target: str, *, actor, role: str, reason: str = ""
) -> StatusChange:
    """Apply a transition if `role` is the one the workflow names for it; log it."""
    mover = application.mover(target)
    if mover is None or (mover != role and mover != "system"):
        raise FundError(_("Dieser Schritt ist im jetzigen Stand nicht möglich."))
    try:
        change = application.move_to(target, actor=actor, reason=reason)
    except InvalidTransition as error:  # pragma: no cover - mover() checked it
        raise FundError(
            _("Dieser Schritt ist im jetzigen Stand nicht möglich.")
        ) from error
    if target in FINAL_STATES:
        application.closed_at = timezone.now()
    application.save()
    change.save()
    if role != "applicant" and application.applicant_id:
        transaction.on_commit(
            partial(send_status_notification.enqueue, change_id=change.pk)
        )
    return change


def _locked(application: FundApplication) -> FundApplication:
    return FundApplication.objects.select_for_update().get(pk=application.pk)


def application_start(*, fund: Fund, applicant) -> FundApplication:
    """Open a new draft for `applicant`; refused when the fund takes no applications."""
    if not fund.is_active:
        raise FundError(_("Dieser Fonds nimmt zurzeit keine Anträge an."))
    today = timezone.localdate()
    current_round = fund.rounds.filter(deadline__gte=today).order_by("deadline").first()
    if fund.intake == Fund.Intake.ROUNDS and current_round is None:
        raise FundError(_("Zurzeit läuft keine Antragsrunde."))
    return FundApplication.objects.create(
        fund=fund,
        applicant=applicant,
        round=current_round,
        contact_name=applicant.display_name,
    )


@transaction.atomic
def application_update(
    *, application: FundApplication, fields: dict, cost_items: list[tuple[str, Decimal]]
) -> FundApplication:
    """Save the applicant's draft and replace its cost plan.

    Only in an editable state; nothing is checked for completeness here, so a
    half-filled form is never lost. `application_problems` says what is missing.
    """
    application = _locked(application)
    if not application.is_editable:
        raise FundError(_("Der Antrag kann nicht mehr geändert werden."))
    for name, value in fields.items():
        setattr(application, name, value)
    application.save()
    application.cost_items.all().delete()
    CostItem.objects.bulk_create(
        CostItem(application=application, description=d, amount=a, position=i)
        for i, (d, a) in enumerate(cost_items)
    )
    return application


def application_problems(
    application: FundApplication, *, year: int | None = None
) -> list[str]:
    """What keeps the application from being submitted: missing data and fund rules.

    This is the budget check shown to applicants as they write.
    """
    fund = application.fund
    year = year or timezone.localdate().year
    problems = []
    required = {
        "title": _("Titel des Projekts"),
        "summary": _("Kurzbeschreibung"),
        "description": _("Was haben Sie vor?"),
        "category": _("Themenfeld"),
        "contact_name": _("Ansprechperson"),
        "address": _("Anschrift"),
    }
    for name, label in required.items():
        if not getattr(application, name):
            problems.append(_("Bitte ausfüllen: %(field)s.") % {"field": label})
    if application.applicant_type != FundApplication.ApplicantType.PERSON and not (
        application.organisation
    ):
        problems.append(
            _("Bitte nennen Sie den Verein, die Gruppe oder die Einrichtung.")
        )
    cost_total = application.cost_total
    requested = application.requested_amount
    if cost_total <= 0:
        problems.append(_("Bitte tragen Sie mindestens eine Kostenposition ein."))
        return problems
    needed_own = (cost_total * fund.own_contribution_percent / 100).quantize(
        Decimal("0.01")
    )
    if application.own_contribution < needed_own:
        problems.append(
            _("Der Eigenanteil muss mindestens %(amount)s € betragen.")
            % {"amount": needed_own}
        )
    if requested > fund.max_per_application:
        problems.append(
            _(
                "Sie beantragen %(requested)s €; je Antrag sind höchstens %(max)s € möglich."
            )
            % {"requested": requested, "max": fund.max_per_application}
        )
    if requested < fund.min_per_application:
        problems.append(
            _("Je Antrag sind mindestens %(min)s € vorgesehen.")
            % {"min": fund.min_per_application}
        )
    left = fund.left(year)
    if requested > left:
        problems.append(
            _("Im Fonds sind in diesem Jahr nur noch %(left)s € frei.") % {"left": left}
        )
    if fund.max_per_applicant_year is not None and application.applicant_id:
        others = (
            FundApplication.objects.filter(
                fund=fund, applicant_id=application.applicant_id, created_at__year=year
            )
            .exclude(pk=application.pk)
            .exclude(status__in=(Status.DRAFT, Status.REJECTED, Status.WITHDRAWN))
            .prefetch_related("cost_items")
        )
        earlier = sum((o.approved_amount or o.requested_amount for o in others), ZERO)
        if earlier + requested > fund.max_per_applicant_year:
            problems.append(
                _(
                    "Je Antragsteller*in und Jahr sind höchstens %(max)s € möglich; "
                    "Sie haben schon %(earlier)s € beantragt."
                )
                % {"max": fund.max_per_applicant_year, "earlier": earlier}
            )
    if (
        application.starts_on
        and application.ends_on
        and (application.ends_on < application.starts_on)
    ):
        problems.append(_("Das Ende liegt vor dem Beginn."))
    return problems


@transaction.atomic
def application_submit(*, application: FundApplication, actor) -> FundApplication:
    """Submit (or resubmit after changes). Raises FundError listing what is missing.

    Queues a mail to the quarter team after the commit.
    """
    application = _locked(application)
    if problems := application_problems(application):
        raise FundError(problems)
    _move(application, Status.SUBMITTED, actor=actor, role="applicant")
    application.submitted_at = timezone.now()
    application.save(update_fields=["submitted_at"])
    transaction.on_commit(
        partial(send_team_notification.enqueue, application_id=application.pk)
    )
    return application


@transaction.atomic
def application_transition(
    *, application: FundApplication, target: str, actor, role: str, reason: str = ""
) -> FundApplication:
    """Simple steps without extra data: check, request changes, ready, withdraw, close.

    Asking for changes needs a message to the applicant.
    """
    application = _locked(application)
    if target == Status.CHANGES_REQUESTED and not reason.strip():
        raise FundError(_("Bitte schreiben Sie, was nachgereicht werden soll."))
    if (
        target == Status.PAID
        and application.status == Status.PROOF_SUBMITTED
        and not (reason.strip())
    ):
        raise FundError(_("Bitte schreiben Sie, was am Nachweis fehlt."))
    _move(application, target, actor=actor, role=role, reason=reason)
    return application


@transaction.atomic
def application_decide(
    *,
    application: FundApplication,
    actor,
    approve: bool,
    amount: Decimal | None = None,
    conditions: str = "",
    reason: str = "",
    meeting: Meeting | None = None,
    votes: tuple[int, int, int] | None = None,
) -> FundApplication:
    """Record the jury's decision; approving never exceeds what is left this year.

    Locks the fund row first and then re-sums the year's approvals, so two decisions
    recorded at the same moment cannot both take the last euros. Raises FundError,
    also when the application is already decided (saying how and when).
    """
    fund = Fund.objects.select_for_update().get(pk=application.fund_id)
    application = _locked(application)
    if application.status != Status.READY and application.decided_at is not None:
        # Sent twice, or decided meanwhile in another tab: say what stands.
        raise FundError(
            _(
                "Über diesen Antrag ist schon entschieden: %(status)s am %(date)s. "
                "Ihre Eingabe hat daran nichts geändert."
            )
            % {
                "status": application.get_status_display(),
                "date": date_format(timezone.localtime(application.decided_at)),
            }
        )
    year = timezone.localdate().year
    if votes is None:
        votes = _vote_counts(application)
    if approve:
        if amount is None or amount <= 0:
            raise FundError(_("Bitte geben Sie den bewilligten Betrag an."))
        if amount > fund.max_per_application:
            raise FundError(
                _("Je Antrag sind höchstens %(max)s € möglich.")
                % {"max": fund.max_per_application}
            )
        left = fund.left(year)
        if amount > left:
            raise FundError(
                _(
                    "Der Fonds hat in %(year)s nur noch %(left)s € frei; "
                    "%(amount)s € können nicht bewilligt werden."
                )
                % {"year": year, "left": left, "amount": amount}
            )
        application.approved_amount = amount
        application.budget_year = year
        application.conditions = conditions
        target = Status.APPROVED
    else:
        if not reason.strip():
            raise FundError(_("Bitte begründen Sie die Ablehnung."))
        target = Status.REJECTED
    application.decision_reason = reason
    application.decided_at = timezone.now()
    application.meeting = meeting
    application.votes_yes, application.votes_no, application.votes_abstain = votes
    _move(application, target, actor=actor, role="team", reason=reason or conditions)
    return application


def _vote_counts(application: FundApplication) -> tuple[int, int, int]:
    choices = list(application.votes.values_list("choice", flat=True))
    return (
        choices.count(Vote.Choice.YES),
        choices.count(Vote.Choice.NO),
        choices.count(Vote.Choice.ABSTAIN),
    )


@transaction.atomic
def meeting_record(
    *,
    fund: Fund,
    actor,
    held_on: datetime.date,
    attendees: list[JuryMember],
    guests: str = "",
    notes: str = "",
    decisions: list[dict],
) -> Meeting:
    """Record a jury meeting and all its decisions at once; all or nothing.

    `decisions`: dicts with application, approve, amount, conditions, reason, votes.
    """
    meeting = Meeting.objects.create(
        fund=fund, held_on=held_on, guests=guests, notes=notes, recorded_by=actor
    )
    meeting.attendees.set(attendees)
    for decision in decisions:
        application_decide(actor=actor, meeting=meeting, **decision)
    return meeting


@transaction.atomic
def vote_cast(
    *, application: FundApplication, member: JuryMember, choice: str, comment: str = ""
) -> Vote:
    """One vote per member; voting again changes it. Members with a conflict may not."""
    application = _locked(application)
    if application.status != Status.READY:
        raise FundError(_("Über diesen Antrag wird zurzeit nicht abgestimmt."))
    if application.conflicts.filter(member=member).exists():
        raise FundError(_("Sie haben sich für befangen erklärt."))
    vote, _created = Vote.objects.update_or_create(
        application=application,
        member=member,
        defaults={"choice": choice, "comment": comment},
    )
    return vote


@transaction.atomic
def conflict_declare(
    *, application: FundApplication, member: JuryMember, note: str = ""
) -> ConflictOfInterest:
    """Declare a conflict of interest; any vote the member cast is removed."""
    conflict, _created = ConflictOfInterest.objects.get_or_create(
        application=application, member=member, defaults={"note": note}
    )
    Vote.objects.filter(application=application, member=member).delete()
    return conflict


def _next_letter_number(fund: Fund, year: int) -> str:
    prefix = f"VF-{fund.slug[:10].upper()}-{year}-"
    count = FundApplication.objects.filter(letter_number__startswith=prefix).count()
    return f"{prefix}{count + 1:03d}"


@transaction.atomic
def application_send_letter(*, application: FundApplication, actor) -> FundApplication:
    """Number the approval letter and set the deadline for the proof of use."""
    Fund.objects.select_for_update().get(pk=application.fund_id)  # numbers in order
    application = _locked(application)
    today = timezone.localdate()
    application.letter_number = _next_letter_number(application.fund, today.year)
    application.letter_sent_on = today
    application.proof_due_on = today + datetime.timedelta(
        days=application.fund.proof_deadline_days
    )
    _move(application, Status.LETTER_SENT, actor=actor, role="team")
    return application


@transaction.atomic
def payment_record(
    *,
    application: FundApplication,
    actor,
    amount: Decimal,
    paid_on: datetime.date,
    note: str = "",
) -> Payment:
    """Record a partial or full payment; never more than was approved."""
    application = _locked(application)
    if application.status not in (Status.LETTER_SENT, Status.PAID):
        raise FundError(_("Auszahlungen sind erst nach dem Bescheid möglich."))
    open_amount = application.open_amount
    if amount > open_amount:
        raise FundError(_("Es sind nur noch %(open)s € offen.") % {"open": open_amount})
    payment = Payment.objects.create(
        application=application,
        amount=amount,
        paid_on=paid_on,
        note=note,
        recorded_by=actor,
    )
    if application.status == Status.LETTER_SENT:
        _move(
            application,
            Status.PAID,
            actor=actor,
            role="team",
            reason=_("%(amount)s € ausgezahlt") % {"amount": amount},
        )
    return payment


def attachment_add(
    *, application: FundApplication, actor, kind: str, upload
) -> Attachment:
    """Store an uploaded file; the form has checked its type and size."""
    return Attachment.objects.create(
        application=application,
        kind=kind,
        file=upload,
        name=upload.name[:200],
        size=upload.size,
        uploaded_by=actor,
    )


@transaction.atomic
def proof_submit(
    *, application: FundApplication, actor, report: str, spent_total: Decimal
) -> FundApplication:
    """Hand in the Verwendungsnachweis; needs at least one receipt uploaded."""
    application = _locked(application)
    if not application.attachments.filter(kind=Attachment.Kind.RECEIPT).exists():
        raise FundError(_("Bitte laden Sie mindestens einen Beleg hoch."))
    application.proof_report = report
    application.spent_total = spent_total
    _move(application, Status.PROOF_SUBMITTED, actor=actor, role="applicant")
    return application


@transaction.atomic
def application_anonymise(*, application: FundApplication, keep_payments: bool) -> None:
    """Remove personal data after the retention period.

    The project (title, summary, amounts) stays for reporting. With `keep_payments`
    the address and bank details stay for the payment records the budget law wants
    kept longer; otherwise they go too, with receipts and all uploads.
    """
    application = _locked(application)
    application.contact_name = ""
    application.contact_phone = ""
    application.description = ""
    application.proof_report = ""
    application.applicant = None
    if not keep_payments:
        application.address = ""
        application.iban = ""
        for attachment in application.attachments.all():
            attachment.file.delete(save=False)
            attachment.delete()
        application.payments.update(note="", recorded_by=None)
    else:
        for attachment in application.attachments.exclude(kind=Attachment.Kind.RECEIPT):
            attachment.file.delete(save=False)
            attachment.delete()
    application.history.update(reason="", actor=None)
    application.votes.update(comment="")
    application.conflicts.update(note="")
    application.anonymised_at = timezone.now()
    application.save()


# Open applications (not yet paid) are withdrawn when their applicant deletes the account.
WITHDRAWN_ON_ACCOUNT_DELETION = tuple(
    state for (state, target) in TRANSITIONS if target == Status.WITHDRAWN
)


@transaction.atomic
def applications_release_for_account(
    *, user, emails: frozenset[str] = frozenset()
) -> None:
    """Before `user`'s account is deleted: leave nothing personal that no job removes.

    Drafts are deleted with their uploads. Open applications are withdrawn (freeing any
    approved money) and their personal data removed at once. Applications with payments
    are closed and keep only what the funder's audit needs (address, IBAN, receipts)
    until the fund's payment retention ends, when `funds_retention` removes them too.
    Locks each application; sends no mail (the person has left). `emails` is unused:
    applications belong to the account, not to an address.
    """
    reason = _("Konto der antragstellenden Person gelöscht")
    for application in FundApplication.objects.filter(
        applicant=user
    ).select_for_update():
        application.applicant = None
        if application.status == Status.DRAFT:
            for attachment in application.attachments.all():
                attachment.file.delete(save=False)
            application.delete()
            continue
        if application.status in WITHDRAWN_ON_ACCOUNT_DELETION:
            _move(
                application,
                Status.WITHDRAWN,
                actor=None,
                role="applicant",
                reason=reason,
            )
        elif application.status == Status.PROOF_CHECKED:
            _move(application, Status.CLOSED, actor=None, role="team", reason=reason)
        elif application.status not in FINAL_STATES:
            _move(
                application,
                Status.CLOSED,
                actor=None,
                role="account_deletion",
                reason=reason,
            )
        else:
            # Retention counts from closed_at; make sure the job can find the file.
            application.closed_at = application.closed_at or timezone.now()
            application.save(update_fields=["applicant", "closed_at"])
        if application.anonymised_at is None:
            application_anonymise(
                application=application,
                keep_payments=application.payments.exists(),
            )
