"""Polls: questions, options and the answers of one account or device."""

from __future__ import annotations

from collections import Counter

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from quartier.quarters.models import Quarter

from .base import Period, PeriodQuerySet, Phase


class Poll(ClusterableModel, Period):
    """Umfrage: questions the quarter team asks; one answer per account or device."""

    quarter = models.ForeignKey(
        Quarter,
        on_delete=models.CASCADE,
        related_name="polls",
        verbose_name=_("Quartier"),
    )
    title = models.CharField(_("Titel"), max_length=150)
    description = models.TextField(_("Beschreibung"), blank=True)
    allow_anonymous = models.BooleanField(
        _("Ohne Konto teilnehmen"),
        default=False,
        help_text=_("Eine Antwort je Gerät statt je Konto."),
    )
    live_results = models.BooleanField(
        _("Ergebnisse schon während der Umfrage zeigen"), default=False
    )

    objects = PeriodQuerySet.as_manager()

    class Meta:
        verbose_name = _("Umfrage")
        verbose_name_plural = _("Umfragen")
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="poll_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("participation:poll_detail", args=[self.pk])

    @property
    def shows_results(self) -> bool:
        return self.live_results or self.phase() == Phase.CLOSED

    def results(self) -> list[dict]:
        """Per question: each option with its count and share, and the free texts.

        Three queries whatever the number of answers; questions and options come
        from the prefetch cache when the caller prefetched `questions__options`.
        """
        answers = PollAnswer.objects.filter(response__poll=self)
        counts = Counter(
            answers.filter(option__isnull=False).values_list("option_id", flat=True)
        )
        texts: dict[int, list[str]] = {}
        for question_id, text in (
            answers.filter(option__isnull=True)
            .exclude(text="")
            .values_list("question_id", "text")
        ):
            texts.setdefault(question_id, []).append(text)
        total = self.responses.count()
        results = []
        for question in self.questions.all():
            options = [
                {
                    "text": option.text,
                    "count": counts[option.pk],
                    "percent": round(100 * counts[option.pk] / total) if total else 0,
                }
                for option in question.options.all()
                # A hidden option is no longer offered; its votes still count.
                if not option.is_hidden or counts[option.pk]
            ]
            results.append(
                {
                    "question": question,
                    "options": options,
                    "texts": texts.get(question.pk, []),
                }
            )
        return results


class PollQuestion(models.Model):
    class Kind(models.TextChoices):
        SINGLE = "single", _("Eine Antwort")
        MULTIPLE = "multiple", _("Mehrere Antworten")
        TEXT = "text", _("Freitext")

    poll = ParentalKey(Poll, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(_("Frage"), max_length=300)
    kind = models.CharField(_("Art"), max_length=10, choices=Kind.choices)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("Frage")
        verbose_name_plural = _("Fragen")

    def __str__(self) -> str:
        return self.text


class PollOption(models.Model):
    question = models.ForeignKey(
        PollQuestion, on_delete=models.CASCADE, related_name="options"
    )
    text = models.CharField(_("Antwortmöglichkeit"), max_length=200)
    sort_order = models.PositiveSmallIntegerField(default=0)
    # An option with votes is never deleted (residents' data): it is hidden instead,
    # no longer offered, its votes still counted.
    is_hidden = models.BooleanField(_("ausgeblendet"), default=False)

    class Meta:
        ordering = ["sort_order", "pk"]

    def __str__(self) -> str:
        return self.text


class PollResponse(models.Model):
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="responses")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="poll_responses",
    )
    device_token = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["poll", "user"],
                condition=Q(user__isnull=False),
                name="poll_response_once_per_account",
            ),
            models.UniqueConstraint(
                fields=["poll", "device_token"],
                condition=~Q(device_token=""),
                name="poll_response_once_per_device",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.poll_id}: {self.pk}"


class PollAnswer(models.Model):
    response = models.ForeignKey(
        PollResponse, on_delete=models.CASCADE, related_name="answers"
    )
    # RESTRICT: a question or option with answers cannot be deleted on its own, only
    # with the whole poll (its responses cascade to the answers).
    question = models.ForeignKey(
        PollQuestion, on_delete=models.RESTRICT, related_name="answers"
    )
    option = models.ForeignKey(
        PollOption,
        null=True,
        blank=True,
        on_delete=models.RESTRICT,
        related_name="answers",
    )
    text = models.TextField(blank=True, max_length=2000)

    def __str__(self) -> str:
        return self.option.text if self.option_id else self.text[:60]
