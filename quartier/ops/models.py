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


class SentMail(models.Model):
    """One row per mail a task sent: the idempotency key a re-run looks up first.

    The key is a hash of the task run, the recipients, the subject and the mail's rank
    among same-addressed mails of that run (see mail.py); nothing of the content is kept.
    """

    key = models.CharField(max_length=64, unique=True)
    task_id = models.CharField(max_length=64)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("versendete E-Mail")
        verbose_name_plural = _("versendete E-Mails")

    def __str__(self) -> str:
        return self.key


class WorkerBeat(models.Model):
    """A task worker's last sign of life; a task held by a silent worker runs again."""

    worker_id = models.CharField(max_length=64, unique=True)
    seen_at = models.DateTimeField()

    class Meta:
        verbose_name = _("Lebenszeichen eines Task-Workers")
        verbose_name_plural = _("Lebenszeichen der Task-Worker")

    def __str__(self) -> str:
        return self.worker_id
