"""Participation writes: ideas, supports, comments, official feedback, moderation, polls."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from quartier.accounts.models import NotificationKind, User
from quartier.accounts.services import notification_create
from quartier.quarters.models import Quarter

from .models import (
    CallForIdeas,
    Category,
    Comment,
    Idea,
    IdeaImage,
    ModerationAction,
    Phase,
    Poll,
    PollAnswer,
    PollOption,
    PollQuestion,
    PollResponse,
    QuarterParticipationSettings,
    Report,
    Support,
    Visibility,
)

# (how many, per how long): generous for people, tight for scripts.
RATE_LIMITS = {
    "idea": (5, dt.timedelta(hours=1)),
    "comment": (10, dt.timedelta(minutes=10)),
    "report": (10, dt.timedelta(hours=1)),
}


class RateLimited(ValidationError):
    pass


class ModerationConflict(Exception):
    """Another moderator acted first; carries what they did."""

    def __init__(self, latest: ModerationAction | None):
        super().__init__("moderation conflict")
        self.latest = latest


def _check_rate(kind: str, count: int) -> None:
    limit, _window = RATE_LIMITS[kind]
    if count >= limit:
        raise RateLimited(
            _(
                "Sie haben in kurzer Zeit viele Beiträge geschickt. Bitte versuchen Sie es später noch einmal."
            )
        )


def _since(kind: str) -> dt.datetime:
    return timezone.now() - RATE_LIMITS[kind][1]


def _initial_visibility(quarter: Quarter) -> str:
    settings = QuarterParticipationSettings.objects.filter(quarter=quarter).first()
    if settings and settings.moderation == QuarterParticipationSettings.Moderation.PRE:
        return Visibility.PENDING
    return Visibility.VISIBLE


@transaction.atomic
def idea_create(
    *,
    author: User,
    quarter: Quarter,
    title: str,
    description: str,
    category: Category | None = None,
    place: str = "",
    longitude: float | None = None,
    latitude: float | None = None,
    call: CallForIdeas | None = None,
    image=None,
    image_alt: str = "",
) -> Idea:
    """Save a new idea; pending first if the quarter pre-moderates.

    Raises ValidationError when the call is closed or the point lies outside the quarter,
    RateLimited when the author posts too much.
    """
    _check_rate(
        "idea",
        Idea.objects.filter(author=author, created_at__gte=_since("idea")).count(),
    )
    if call is not None:
        if call.quarter_id != quarter.pk:
            raise ValidationError(
                _("Dieser Ideenaufruf gehört zu einem anderen Quartier.")
            )
        if call.phase() != Phase.OPEN:
            raise ValidationError(_("Dieser Ideenaufruf nimmt gerade keine Ideen an."))
    if (
        longitude is not None
        and latitude is not None
        and not quarter.contains(longitude, latitude)
    ):
        raise ValidationError(_("Der Punkt liegt nicht im Quartier."))
    idea = Idea.objects.create(
        author=author,
        quarter=quarter,
        title=title,
        description=description,
        category=category,
        place=place,
        longitude=longitude,
        latitude=latitude,
        call=call,
        visibility=_initial_visibility(quarter),
    )
    if image is not None:
        # `image` comes re-encoded from images.clean_upload: no EXIF, at most 1600 px.
        IdeaImage.objects.create(idea=idea, image=image, alt_text=image_alt)
    return idea


def idea_support(*, idea: Idea, user: User) -> bool:
    """Support `idea` once; returns False if `user` already did.

    The unique constraint decides under concurrency; the counter moves only when a row
    was really inserted, so two clicks at once count once.
    """
    try:
        with transaction.atomic():
            Support.objects.create(idea=idea, user=user)
            Idea.objects.filter(pk=idea.pk).update(support_count=F("support_count") + 1)
    except IntegrityError:
        return False
    return True


@transaction.atomic
def idea_unsupport(*, idea: Idea, user: User) -> bool:
    """Withdraw a support; returns False if there was none."""
    deleted, _rows = Support.objects.filter(idea=idea, user=user).delete()
    if deleted:
        Idea.objects.filter(pk=idea.pk).update(support_count=F("support_count") - 1)
    return bool(deleted)


@transaction.atomic
def idea_give_feedback(*, idea: Idea, by: User, status: str, answer: str) -> Idea:
    """The team's official status and answer; notifies author and supporters after commit.

    Raises ValidationError when "not possible" comes without an explanation (the DB
    constraint says the same).
    """
    if status == Idea.Status.NOT_POSSIBLE and not answer.strip():
        raise ValidationError(
            {"answer": _("Bitte begründen Sie, warum die Idee nicht möglich ist.")}
        )
    idea = Idea.objects.select_for_update().get(pk=idea.pk)
    status_changed = idea.status != status
    answer_changed = idea.answer.strip() != answer.strip()
    idea.status, idea.answer = status, answer
    if answer_changed:
        idea.answered_at, idea.answered_by = timezone.now(), by
    idea.save(update_fields=["status", "answer", "answered_at", "answered_by"])
    url = idea.get_absolute_url()
    status_label = idea.get_status_display()
    if idea.author_id and answer_changed:
        notification_create(
            user=idea.author,
            kind=NotificationKind.ANSWER,
            message=_(
                "Das Quartiersteam hat auf Ihre Idee „%(title)s“ geantwortet (Stand: %(status)s)."
            )
            % {"title": idea.title, "status": status_label},
            url=url,
        )
    if status_changed:
        recipients = set(
            User.objects.filter(supports__idea=idea).values_list("pk", flat=True)
        )
        # The author hears about the status once: with the answer if there is one.
        if idea.author_id and not answer_changed:
            recipients.add(idea.author_id)
        elif idea.author_id:
            recipients.discard(idea.author_id)
        for user in User.objects.filter(pk__in=recipients):
            notification_create(
                user=user,
                kind=NotificationKind.STATUS,
                message=_("Neuer Stand der Idee „%(title)s“: %(status)s")
                % {"title": idea.title, "status": status_label},
                url=url,
            )
    return idea


@transaction.atomic
def comment_create(
    *, idea: Idea, author: User, body: str, parent: Comment | None = None
) -> Comment:
    """Comment on an idea or reply to a top-level comment; notifies the parent's author.

    Raises ValidationError for a reply to a reply (one level only), RateLimited.
    """
    _check_rate(
        "comment",
        Comment.objects.filter(
            author=author, created_at__gte=_since("comment")
        ).count(),
    )
    if parent is not None and (
        parent.parent_id is not None or parent.idea_id != idea.pk
    ):
        raise ValidationError(_("Auf diese Antwort kann nicht geantwortet werden."))
    comment = Comment.objects.create(
        idea=idea,
        author=author,
        body=body,
        parent=parent,
        visibility=_initial_visibility(idea.quarter),
    )
    if comment.visibility == Visibility.VISIBLE:
        Idea.objects.filter(pk=idea.pk).update(comment_count=F("comment_count") + 1)
        _notify_reply(comment)
    return comment


def _notify_reply(comment: Comment) -> None:
    parent = comment.parent
    if parent and parent.author_id and parent.author_id != comment.author_id:
        notification_create(
            user=parent.author,
            kind=NotificationKind.REPLY,
            message=_("%(name)s hat auf Ihren Kommentar zu „%(title)s“ geantwortet.")
            % {"name": comment.author_name, "title": comment.idea.title},
            url=comment.get_absolute_url(),
        )


@transaction.atomic
def comment_edit(*, comment: Comment, body: str) -> Comment:
    """Change the text within the edit window; the comment then shows "bearbeitet"."""
    if not comment.can_still_edit():
        raise ValidationError(_("Die Zeit zum Bearbeiten ist abgelaufen."))
    comment.body = body
    comment.edited_at = timezone.now()
    comment.save(update_fields=["body", "edited_at"])
    return comment


@transaction.atomic
def comment_delete(*, comment: Comment) -> None:
    """The author removes the text; replies stay under a "gelöscht" placeholder."""
    if comment.is_deleted:
        return
    counted = comment.visibility == Visibility.VISIBLE
    Comment.objects.filter(pk=comment.pk).update(is_deleted=True, body="")
    if counted:
        Idea.objects.filter(pk=comment.idea_id).update(
            comment_count=F("comment_count") - 1
        )


@transaction.atomic
def report_create(
    *,
    reporter: User,
    reason: str,
    idea: Idea | None = None,
    comment: Comment | None = None,
) -> Report:
    """Flag an idea or a comment for the moderators. Raises RateLimited."""
    _check_rate(
        "report",
        Report.objects.filter(
            reporter=reporter, created_at__gte=_since("report")
        ).count(),
    )
    return Report.objects.create(
        reporter=reporter, reason=reason, idea=idea, comment=comment
    )


TARGET_VISIBILITY = {
    ModerationAction.Action.APPROVE: Visibility.VISIBLE,
    ModerationAction.Action.HIDE: Visibility.HIDDEN,
    ModerationAction.Action.RESTORE: Visibility.VISIBLE,
}


@transaction.atomic
def item_moderate(
    *,
    item: Idea | Comment,
    moderator: User,
    action: str,
    reason: str,
    expected_version: int,
) -> ModerationAction:
    """Approve, hide, restore or dismiss reports on an idea or comment.

    Optimistic check: the update only applies if nobody moderated the item since the
    moderator loaded it (`expected_version`); otherwise raises ModerationConflict with
    the other moderator's step, so nothing is overwritten silently. Resolves open
    reports, writes the history and notifies the author after commit.
    """
    model = type(item)
    target = "idea" if model is Idea else "comment"
    changes: dict = {"version": F("version") + 1}
    new_visibility = TARGET_VISIBILITY.get(action)
    if new_visibility:
        changes["visibility"] = new_visibility
        changes["moderation_reason"] = reason
    updated = model.objects.filter(pk=item.pk, version=expected_version).update(
        **changes
    )
    if not updated:
        latest = (
            ModerationAction.objects.filter(**{target: item})
            .select_related("moderator")
            .first()
        )
        raise ModerationConflict(latest)
    if model is Comment and new_visibility and not item.is_deleted:
        was_counted = item.visibility == Visibility.VISIBLE
        now_counted = new_visibility == Visibility.VISIBLE
        if was_counted != now_counted:
            step = 1 if now_counted else -1
            Idea.objects.filter(pk=item.idea_id).update(
                comment_count=F("comment_count") + step
            )
    record = ModerationAction.objects.create(
        moderator=moderator, action=action, reason=reason, **{target: item}
    )
    Report.objects.open().filter(**{target: item}).update(resolved_at=timezone.now())
    item.refresh_from_db()
    if model is Comment and action == ModerationAction.Action.APPROVE:
        _notify_reply(item)
    if item.author_id and action != ModerationAction.Action.DISMISS:
        label = _("Ihre Idee") if model is Idea else _("Ihr Kommentar")
        message = _("%(item)s wurde von der Moderation %(action)s.") % {
            "item": label,
            "action": record.get_action_display(),
        }
        if reason:
            message += " " + _("Begründung: %(reason)s") % {"reason": reason}
        notification_create(
            user=item.author,
            kind=NotificationKind.MODERATION,
            message=message,
            url=item.get_absolute_url(),
        )
    return record


@transaction.atomic
def poll_respond(
    *,
    poll: Poll,
    answers: dict[PollQuestion, list | str],
    user: User | None = None,
    device_token: str = "",
) -> PollResponse:
    """Store one response per account (or per device where anonymous answers are allowed).

    Raises ValidationError when the poll is not running or this account/device already
    answered (the unique constraints decide under concurrency).
    """
    if poll.phase() != Phase.OPEN:
        raise ValidationError(_("Diese Umfrage läuft gerade nicht."))
    if user is None and not (poll.allow_anonymous and device_token):
        raise ValidationError(_("Bitte melden Sie sich an, um teilzunehmen."))
    try:
        with transaction.atomic():
            response = PollResponse.objects.create(
                poll=poll, user=user, device_token="" if user else device_token
            )
    except IntegrityError as error:
        raise ValidationError(
            _("Sie haben an dieser Umfrage schon teilgenommen.")
        ) from error
    rows = []
    for question, value in answers.items():
        if question.kind == PollQuestion.Kind.TEXT:
            if value:
                rows.append(
                    PollAnswer(response=response, question=question, text=value)
                )
        else:
            rows.extend(
                PollAnswer(response=response, question=question, option=option)
                for option in value
            )
    PollAnswer.objects.bulk_create(rows)
    return response


IDEA_IMAGES_MAX = 5


@transaction.atomic
def idea_image_add(*, idea: Idea, image, alt_text: str) -> IdeaImage:
    """Add a picture (already re-encoded by images.clean_upload) to an idea.

    Locks the idea so two uploads at once cannot pass the limit together; raises
    ValueError when the idea already has IDEA_IMAGES_MAX pictures.
    """
    idea = Idea.objects.select_for_update().get(pk=idea.pk)
    if idea.images.count() >= IDEA_IMAGES_MAX:
        raise ValueError("too many images")
    return IdeaImage.objects.create(idea=idea, image=image, alt_text=alt_text)


@transaction.atomic
def poll_question_options_update(
    *, question: PollQuestion, entries: list[tuple[int | None, str]]
) -> None:
    """Make the options of `question` match `entries` without losing a single vote.

    `entries` are (pk or None, text) in the wanted order: a pk renames that option of
    this question and shows it again, None adds one. An option left out is deleted if
    nobody chose it and hidden if somebody did (its answers stay and keep counting).
    A free-text question has no options. Raises ValueError for a pk of another question.
    """
    if question.kind == PollQuestion.Kind.TEXT:
        entries = []
    existing = {option.pk: option for option in question.options.all()}
    unknown = {pk for pk, _text in entries if pk is not None} - set(existing)
    if unknown:
        raise ValueError(f"options {sorted(unknown)} are not options of {question.pk}")
    kept = {pk for pk, _text in entries if pk is not None}
    for pk, option in existing.items():
        if pk in kept:
            continue
        if option.answers.exists():
            option.is_hidden = True
            option.save(update_fields=["is_hidden"])
        else:
            option.delete()
    for index, (pk, text) in enumerate(entries):
        option = existing[pk] if pk is not None else PollOption(question=question)
        option.text, option.sort_order, option.is_hidden = text, index, False
        option.save()


def supports_release_for_account(*, user, emails: frozenset[str]) -> None:
    """Before `user`'s account is deleted: the ideas it supported count one less.

    The supports themselves go with the account (cascade); the counters do not follow
    on their own.
    """
    supported = list(
        Support.objects.filter(user=user).values_list("idea_id", flat=True)
    )
    Idea.objects.filter(pk__in=supported).update(support_count=F("support_count") - 1)
