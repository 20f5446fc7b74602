"""Writes with side effects: claims, relayed messages, the help board, enquiries.

Every mail is queued after commit with primary keys only (see tasks.py).
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import tasks
from .models import (
    HELP_POST_DAYS,
    REMINDER_DAYS,
    Conversation,
    HelpPost,
    HelpPostReport,
    Membership,
    Message,
    Opportunity,
    Organisation,
    Vacancy,
    VacancyEnquiry,
)
from .tasks import send_vacancy_submitted

MAX_HELP_POSTS_PER_DAY = 3
MAX_MESSAGES_PER_HOUR = 20
AUTO_HIDE_REPORTS = 3  # distinct readers' reports hide a post until a moderator looks


class CommunityError(Exception):
    """A rule of the community app was broken; the message is shown to the user."""


class RateLimitExceeded(CommunityError):
    pass


class ConversationClosed(CommunityError):
    pass


def _queue(task, **kwargs) -> None:
    transaction.on_commit(partial(task.enqueue, **kwargs))


@transaction.atomic
def organisation_claim(
    *, organisation: Organisation, user, message: str, role: str = ""
) -> Membership:
    """Ask to act for `organisation`: a pending membership the quarter team verifies.

    Raises CommunityError if the user already asked or is a member. Queues a mail to the
    teams of the organisation's quarters.
    """
    try:
        with transaction.atomic():
            membership = Membership.objects.create(
                organisation=organisation, user=user, message=message, role=role
            )
    except IntegrityError as error:
        raise CommunityError(
            _("Sie haben diesen Eintrag bereits beansprucht.")
        ) from error
    _queue(tasks.send_claim_notification, membership_id=membership.pk)
    return membership


@transaction.atomic
def membership_verify(*, membership: Membership, by) -> Membership:
    """Confirm a claim: the person may now edit the entry and answer its messages."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.verified_at is None:
        membership.verified_at = timezone.now()
        membership.verified_by = by
        membership.save(update_fields=["verified_at", "verified_by"])
        _queue(tasks.send_claim_decision, membership_id=membership.pk)
    return membership


@transaction.atomic
def membership_reject(*, membership: Membership, by) -> None:
    """Turn a claim down: the request is deleted and the person told by mail."""
    _queue(
        tasks.send_claim_rejection,
        user_id=membership.user_id,
        organisation_id=membership.organisation_id,
    )
    membership.delete()


def _lock_person(user) -> None:
    # Serialise one person's writes: two parallel requests could both pass the count.
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()


def _check_message_rate(sender) -> None:
    _lock_person(sender)
    since = timezone.now() - dt.timedelta(hours=1)
    if (
        Message.objects.filter(sender=sender, created_at__gte=since).count()
        >= MAX_MESSAGES_PER_HOUR
    ):
        raise RateLimitExceeded(
            _(
                "Sie haben in der letzten Stunde sehr viele Nachrichten geschrieben. Bitte später weiter."
            )
        )


@transaction.atomic
def conversation_start(
    *,
    starter,
    body: str,
    subject: str,
    organisation: Organisation | None = None,
    recipient=None,
    help_post: HelpPost | None = None,
    opportunity: Opportunity | None = None,
) -> Conversation:
    """Open a relayed conversation with a person or an organisation and send `body`.

    Raises RateLimitExceeded past MAX_MESSAGES_PER_HOUR. Queues the notification mail,
    which never carries the starter's address.
    """
    _check_message_rate(starter)
    now = timezone.now()
    conversation = Conversation.objects.create(
        starter=starter,
        recipient=recipient,
        organisation=organisation,
        help_post=help_post,
        opportunity=opportunity,
        subject=subject[:200],
        created_at=now,
        updated_at=now,
    )
    message = Message.objects.create(
        conversation=conversation, sender=starter, body=body, created_at=now
    )
    _queue(tasks.send_message_notification, message_id=message.pk)
    return conversation


@transaction.atomic
def message_send(*, conversation: Conversation, sender, body: str) -> Message:
    """Answer in a conversation; the other side gets a mail with a link, not an address.

    Raises ConversationClosed when the other side has deleted their account.
    """
    if conversation.other_side_gone:
        raise ConversationClosed(
            _(
                "Die andere Seite hat ihr Konto gelöscht. Eine Antwort erreicht niemanden."
            )
        )
    _check_message_rate(sender)
    now = timezone.now()
    message = Message.objects.create(
        conversation=conversation, sender=sender, body=body, created_at=now
    )
    Conversation.objects.filter(pk=conversation.pk).update(updated_at=now)
    _queue(tasks.send_message_notification, message_id=message.pk)
    return message


@transaction.atomic
def help_post_create(*, author, **fields) -> HelpPost:
    """Publish a Biete/Suche post. Raises RateLimitExceeded past MAX_HELP_POSTS_PER_DAY.

    Locks the author's row so parallel submissions cannot slip past the limit.
    """
    _lock_person(author)
    since = timezone.now() - dt.timedelta(days=1)
    if (
        HelpPost.objects.filter(author=author, created_at__gte=since).count()
        >= MAX_HELP_POSTS_PER_DAY
    ):
        raise RateLimitExceeded(
            _("Sie können höchstens %(count)d Einträge pro Tag veröffentlichen.")
            % {"count": MAX_HELP_POSTS_PER_DAY}
        )
    return HelpPost.objects.create(author=author, **fields)


@transaction.atomic
def help_post_close(*, post: HelpPost) -> HelpPost:
    """The author marks the post as done; it leaves the board."""
    post.status = HelpPost.Status.CLOSED
    post.save(update_fields=["status"])
    return post


@transaction.atomic
def help_post_extend(*, post: HelpPost) -> HelpPost:
    """Keep a post visible for another HELP_POST_DAYS from today (or its end)."""
    start = max(post.expires_on, timezone.localdate())
    post.expires_on = start + dt.timedelta(days=HELP_POST_DAYS)
    post.reminder_sent_at = None
    post.status = HelpPost.Status.OPEN
    post.save(update_fields=["expires_on", "reminder_sent_at", "status"])
    return post


@transaction.atomic
def help_post_report(
    *, post: HelpPost, reporter, reason: str, note: str = ""
) -> HelpPostReport:
    """Flag a post for moderation. Each reader reports a post once.

    With AUTO_HIDE_REPORTS open reports the post is hidden until a moderator decides.
    Raises CommunityError on a second report by the same reader; queues a mail to
    the moderators.
    """
    try:
        with transaction.atomic():
            report = HelpPostReport.objects.create(
                post=post, reporter=reporter, reason=reason, note=note
            )
    except IntegrityError as error:
        raise CommunityError(_("Sie haben diesen Eintrag bereits gemeldet.")) from error
    post = HelpPost.objects.select_for_update().get(pk=post.pk)
    open_reports = post.reports.filter(resolved_at__isnull=True).count()
    if post.hidden_at is None and open_reports >= AUTO_HIDE_REPORTS:
        post.hidden_at = timezone.now()
        post.hidden_reason = _("Automatisch ausgeblendet nach mehreren Meldungen")
        post.save(update_fields=["hidden_at", "hidden_reason"])
    _queue(tasks.send_report_notification, report_id=report.pk)
    return report


@transaction.atomic
def help_post_moderate(
    *, post: HelpPost, moderator, hide: bool, reason: str = ""
) -> HelpPost:
    """Hide or restore a post and close its open reports."""
    post = HelpPost.objects.select_for_update().get(pk=post.pk)
    post.hidden_at = timezone.now() if hide else None
    post.hidden_reason = reason if hide else ""
    post.save(update_fields=["hidden_at", "hidden_reason"])
    post.reports.filter(resolved_at__isnull=True).update(
        resolved_at=timezone.now(), resolved_by=moderator
    )
    return post


def help_posts_send_reminders() -> int:
    """Queue one reminder per post that expires within REMINDER_DAYS. Returns the count.

    Run daily (management command `community_reminders`); marks posts so a second run
    the same day sends nothing.
    """
    today = timezone.localdate()
    count = 0
    due = HelpPost.objects.visible().filter(
        expires_on__lte=today + dt.timedelta(days=REMINDER_DAYS),
        reminder_sent_at__isnull=True,
    )
    for post_id in due.values_list("pk", flat=True):
        with transaction.atomic():
            updated = HelpPost.objects.filter(
                pk=post_id, reminder_sent_at__isnull=True
            ).update(reminder_sent_at=timezone.now())
            if updated:
                _queue(tasks.send_help_post_reminder, post_id=post_id)
                count += 1
    return count


@transaction.atomic
def vacancy_enquiry_create(
    *, vacancy: Vacancy, name: str, email: str, message: str
) -> VacancyEnquiry:
    """Store an enquiry and relay it by mail to the unit's hidden contact address."""
    enquiry = VacancyEnquiry.objects.create(
        vacancy=vacancy, name=name, email=email, message=message
    )
    _queue(tasks.send_vacancy_enquiry, enquiry_id=enquiry.pk)
    return enquiry


@transaction.atomic
def vacancy_submit(*, owner, form) -> Vacancy:
    """Store an owner's listing unpublished and tell the quarter team after commit."""

    vacancy = form.save(commit=False)
    vacancy.submitted_by = owner
    vacancy.is_published = False
    vacancy.save()
    transaction.on_commit(
        partial(send_vacancy_submitted.enqueue, vacancy_id=vacancy.pk)
    )
    return vacancy


@transaction.atomic
def community_release_for_account(*, user, emails: frozenset[str]) -> None:
    """Before `user`'s account is deleted: remove what carries the person's address.

    Vacancy listings whose enquiries go to one of the person's verified addresses are
    deleted with their floor plans and enquiries (nobody could answer them); enquiries
    the person sent go; organisations drop the address as their contact. Conversations
    and messages stay for the other side (their links become "gelöschtes Konto"), help
    posts and memberships go with the account.
    """
    for vacancy in Vacancy.objects.filter(contact_email__in=emails):
        if vacancy.floor_plan:
            vacancy.floor_plan.delete(save=False)
        vacancy.delete()
    VacancyEnquiry.objects.filter(email__in=emails).delete()
    Organisation.objects.filter(contact_email__in=emails).update(contact_email="")
