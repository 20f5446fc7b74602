"""Runs of the scheduled jobs: one row per job and period is the lock and the record."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class JobRunQuerySet(models.QuerySet):
    def unfinished(self):
        return self.filter(finished_at__isnull=True)

    def latest_per_job(self) -> dict[str, "JobRun"]:
        runs: dict[str, JobRun] = {}
        for run in self.order_by("job", "-claimed_at"):
            runs.setdefault(run.job, run)
        return runs


class JobRun(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("eingeplant")
        RUNNING = "running", _("läuft")
        SUCCEEDED = "succeeded", _("erfolgreich")
        FAILED = "failed", _("fehlgeschlagen")

    job = models.CharField(_("Aufgabe"), max_length=64)
    # The period the run covers ("2026-12-03" for a daily job, "2026-12-03T07" hourly),
    # in Berlin wall-clock time; unique with the job, so two workers cannot both run it.
    period = models.CharField(_("Zeitraum"), max_length=32)
    status = models.CharField(
        _("Status"), max_length=16, choices=Status.choices, default=Status.QUEUED
    )
    claimed_at = models.DateTimeField(_("eingeplant am"), auto_now_add=True)
    started_at = models.DateTimeField(_("gestartet am"), null=True, blank=True)
    finished_at = models.DateTimeField(_("beendet am"), null=True, blank=True)
    worker = models.CharField(_("Prozess"), max_length=128, blank=True)
    result = models.TextField(_("Ergebnis"), blank=True)

    objects = JobRunQuerySet.as_manager()

    class Meta:
        verbose_name = _("Lauf einer geplanten Aufgabe")
        verbose_name_plural = _("Läufe geplanter Aufgaben")
        ordering = ["-claimed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["job", "period"], name="jobrun_once_per_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.job} {self.period}"

    @property
    def duration(self):
        if self.started_at and self.finished_at:
            return self.finished_at - self.started_at
        return None
