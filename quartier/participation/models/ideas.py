"""Ideas with their supports, comments and images, and their moderation."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from quartier.core.geo import optional_point_constraint
from quartier.quarters.models import Quarter

from .base import CallForIdeas, Category


class Visibility(models.TextChoices):
    PENDING = "pending", _("wartet auf Freigabe")
    VISIBLE = "visible", _("sichtbar")
    HIDDEN = "hidden", _("ausgeblendet")


class IdeaQuerySet(models.QuerySet):
    def awaiting_moderation(self, quarters):
        """Ideas in `quarters` that wait for approval or have an open report."""
        reported = Report.objects.open().filter(idea__isnull=False).values("idea")
        return self.filter(quarter__in=quarters).filter(pk__in=reported) | self.filter(
            quarter__in=quarters, visibility=Visibility.PENDING
        )

    def visible(self):
        return self.filter(visibility=Visibility.VISIBLE)

    def visible_to(self, user):
        """Visible ideas, plus the user's own pending or hidden ones."""
        if user is None or not user.is_authenticated:
            return self.visible()
        return self.filter(Q(visibility=Visibility.VISIBLE) | Q(author=user))

    def for_list(self):
        return self.select_related("quarter", "category", "author")

    SORTS = {
        "neu": ("-created_at", "-pk"),
        "unterstuetzt": ("-support_count", "-created_at", "-pk"),
        "diskutiert": ("-comment_count", "-created_at", "-pk"),
    }

    def sorted_by(self, key: str):
        return self.order_by(*self.SORTS.get(key, self.SORTS["neu"]))


class Idea(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("neu")
        REVIEW = "review", _("wird geprüft")
        ACCEPTED = "accepted", _("angenommen")
        IN_PROGRESS = "in_progress", _("wird umgesetzt")
        DONE = "done", _("umgesetzt")
        NOT_POSSIBLE = "not_possible", _("nicht möglich")

    quarter = models.ForeignKey(
        Quarter,
        on_delete=models.CASCADE,
        related_name="ideas",
        verbose_name=_("Quartier"),
    )
    call = models.ForeignKey(
        CallForIdeas,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ideas",
        verbose_name=_("Ideenaufruf"),
    )
    # Deleting an account keeps the idea; it then shows "gelöschtes Konto".
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="ideas",
    )
    title = models.CharField(_("Titel"), max_length=120)
    description = models.TextField(_("Beschreibung"), max_length=5000)
    category = models.ForeignKey(
        Category,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ideas",
        verbose_name=_("Handlungsfeld"),
    )
    place = models.CharField(_("Ort"), max_length=200, blank=True)
    longitude = models.FloatField(_("Längengrad"), null=True, blank=True)
    latitude = models.FloatField(_("Breitengrad"), null=True, blank=True)
    status = models.CharField(
        _("Stand"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    answer = models.TextField(_("Antwort des Quartiersteams"), blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.VISIBLE
    )
    moderation_reason = models.CharField(max_length=500, blank=True)
    # Bumped on every moderation step: the optimistic check between two moderators.
    version = models.PositiveIntegerField(default=0)
    # Counters kept by the services with F() updates, so list sorting needs no joins.
    support_count = models.PositiveIntegerField(default=0)
    comment_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = IdeaQuerySet.as_manager()

    class Meta:
        verbose_name = _("Idee")
        verbose_name_plural = _("Ideen")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["visibility", "-created_at"], name="idea_visible_newest"
            ),
            models.Index(
                fields=["quarter", "visibility", "-created_at"],
                name="idea_quarter_newest",
            ),
            models.Index(
                fields=["visibility", "-support_count"], name="idea_most_supported"
            ),
            models.Index(
                fields=["visibility", "-comment_count"], name="idea_most_discussed"
            ),
            models.Index(
                fields=["quarter", "visibility", "-support_count"],
                name="idea_quarter_most_supported",
            ),
            models.Index(
                fields=["quarter", "visibility", "-comment_count"],
                name="idea_quarter_most_discussed",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="not_possible") | ~Q(answer=""),
                name="idea_not_possible_needs_answer",
            ),
            optional_point_constraint("idea_point_in_wgs84"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("participation:idea_detail", args=[self.pk])

    @property
    def author_name(self) -> str:
        return self.author.public_name if self.author else _("gelöschtes Konto")

    @property
    def has_point(self) -> bool:
        return self.longitude is not None and self.latitude is not None


class Support(models.Model):
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="supports"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Unterstützung")
        verbose_name_plural = _("Unterstützungen")
        constraints = [
            models.UniqueConstraint(
                fields=["idea", "user"], name="support_once_per_account"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.idea_id}"


class CommentQuerySet(models.QuerySet):
    def awaiting_moderation(self, quarters):
        """Comments under ideas in `quarters` that wait for approval or are reported."""
        reported = Report.objects.open().filter(comment__isnull=False).values("comment")
        return self.filter(idea__quarter__in=quarters).filter(
            pk__in=reported
        ) | self.filter(idea__quarter__in=quarters, visibility=Visibility.PENDING)

    def visible_to(self, user):
        if user is None or not user.is_authenticated:
            return self.filter(visibility=Visibility.VISIBLE)
        return self.filter(Q(visibility=Visibility.VISIBLE) | Q(author=user))

    def threads(self, user):
        """Top-level comments with their replies prefetched, in reading order."""
        replies = (
            self.model.objects.visible_to(user)
            .select_related("author")
            .order_by("created_at", "pk")
        )
        return (
            self.visible_to(user)
            .filter(parent__isnull=True)
            .select_related("author")
            .prefetch_related(Prefetch("replies", queryset=replies))
            .order_by("created_at", "pk")
        )


class Comment(models.Model):
    EDIT_WINDOW = dt.timedelta(minutes=15)

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="comments")
    # Only one reply level: a reply's parent is always a top-level comment (services).
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="idea_comments",
    )
    body = models.TextField(_("Kommentar"), max_length=3000)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    is_deleted = models.BooleanField(default=False)
    visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.VISIBLE
    )
    moderation_reason = models.CharField(max_length=500, blank=True)
    version = models.PositiveIntegerField(default=0)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("Kommentar")
        verbose_name_plural = _("Kommentare")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["idea", "created_at"], name="comment_by_idea")]

    def __str__(self) -> str:
        return self.body[:60]

    def get_absolute_url(self) -> str:
        return f"{self.idea.get_absolute_url()}#kommentar-{self.pk}"

    @property
    def author_name(self) -> str:
        return self.author.public_name if self.author else _("gelöschtes Konto")

    def editable_until(self) -> dt.datetime:
        return self.created_at + self.EDIT_WINDOW

    def can_still_edit(self, at: dt.datetime | None = None) -> bool:
        return not self.is_deleted and (at or timezone.now()) < self.editable_until()


class ReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_at__isnull=True)


class Report(models.Model):
    """A resident flags an idea or a comment (exactly one of them)."""

    idea = models.ForeignKey(
        Idea, null=True, blank=True, on_delete=models.CASCADE, related_name="reports"
    )
    comment = models.ForeignKey(
        Comment, null=True, blank=True, on_delete=models.CASCADE, related_name="reports"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(_("Grund"), max_length=500)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("Meldung")
        verbose_name_plural = _("Meldungen")
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(idea__isnull=True, comment__isnull=False)
                | Q(idea__isnull=False, comment__isnull=True),
                name="report_targets_one_item",
            )
        ]

    def __str__(self) -> str:
        return self.reason[:60]


class ModerationActionQuerySet(models.QuerySet):
    def in_quarters(self, quarters):
        """Steps taken on ideas of `quarters` or on comments under them."""
        return self.filter(idea__quarter__in=quarters) | self.filter(
            comment__idea__quarter__in=quarters
        )


class ModerationAction(models.Model):
    """History: who did what to which item, when and why. Never edited."""

    class Action(models.TextChoices):
        APPROVE = "approve", _("freigegeben")
        HIDE = "hide", _("ausgeblendet")
        RESTORE = "restore", _("wiederhergestellt")
        DISMISS = "dismiss", _("Meldung verworfen")

    idea = models.ForeignKey(
        Idea, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    comment = models.ForeignKey(
        Comment, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=10, choices=Action.choices)
    reason = models.CharField(_("Begründung"), max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = ModerationActionQuerySet.as_manager()

    class Meta:
        verbose_name = _("Moderationsschritt")
        verbose_name_plural = _("Moderationsverlauf")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(idea__isnull=True, comment__isnull=False)
                | Q(idea__isnull=False, comment__isnull=True),
                name="moderation_targets_one_item",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} ({self.created_at:%Y-%m-%d})"


def idea_image_path(instance: IdeaImage, filename: str) -> str:
    # A random name whatever code saves the file: a guessed URL shows nobody's photo.
    suffix = PurePath(filename).suffix.lower()
    return f"ideas/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{suffix}"


class IdeaImage(models.Model):
    """A photo or sketch for an idea, stored re-encoded: no EXIF, at most 1600 px."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="images")
    image = models.ImageField(
        upload_to=idea_image_path, width_field="width", height_field="height"
    )
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    alt_text = models.CharField(_("Bildbeschreibung"), max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Bild zur Idee")
        verbose_name_plural = _("Bilder zu Ideen")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.alt_text
