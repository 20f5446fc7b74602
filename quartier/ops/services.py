"""Claiming and running scheduled jobs (see jobs.py)."""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .jobs import JOBS, Job
from .models import JobRun, SentMail, WorkerBeat

# The task runs `job_run_execute`; it lives in `runs.py` so that this module can import
# the task without the task importing this module back (ARCHITECTURE.md, "Imports").
from .runs import job_run_execute, worker_name
from .tasks import run_scheduled_job

__all__ = ["job_run_claim", "job_run_execute", "jobs_claim_due"]

logger = logging.getLogger("quartier.jobs")


def job_run_claim(*, job: Job, period: str) -> JobRun | None:
    """Claim `job` for `period` and queue its run; None if another worker has it.

    The unique row (job, period) is the lock: of two workers inserting it at once,
    one gets an IntegrityError. The task is queued inside the same transaction on
    purpose: with the database queue the claim and the queued task commit together,
    so there is never a claimed period without a task to run it.
    """
    try:
        with transaction.atomic():
            run = JobRun.objects.create(
                job=job.name, period=period, worker=worker_name()
            )
            run_scheduled_job.enqueue(run_id=run.pk)
    except IntegrityError:
        return None
    logger.info("job claimed", extra={"job": job.name, "period": period})
    return run


def jobs_claim_due(*, now: datetime.datetime | None = None) -> list[JobRun]:
    """Claim every job whose current period has no run yet; returns the new runs."""
    now = now or timezone.now()
    due = {name: job.period(now) for name, job in JOBS.items()}
    taken = set(
        JobRun.objects.filter(job__in=due, period__in=due.values()).values_list(
            "job", "period"
        )
    )
    claimed = []
    for name, period in due.items():
        if (name, period) not in taken and (
            run := job_run_claim(job=JOBS[name], period=period)
        ):
            claimed.append(run)
    return claimed


def worker_beat(*, worker_id: str) -> None:
    """Record that the task worker `worker_id` is alive (its beat thread, every few s)."""
    WorkerBeat.objects.update_or_create(
        worker_id=worker_id[:64], defaults={"seen_at": timezone.now()}
    )


def tasks_requeue_orphaned(*, now: datetime.datetime | None = None) -> int:
    """Put tasks back in the queue whose worker died while running them; returns how many.

    A task is orphaned when it has been running longer than
    `QUARTIER_WORKER_SILENCE_SECONDS` and the worker that claimed it has not beaten for
    that long (killed, machine gone). Each is reset to ready with a conditional update,
    so of two workers looking at once only one re-queues it; it keeps its id, which is
    what lets the mail ledger (mail.py) skip the mails the first run already sent. A
    scheduled job's run goes back to queued with it, so the job runs again too.
    """
    now = now or timezone.now()
    silent_since = now - datetime.timedelta(
        seconds=settings.QUARTIER_WORKER_SILENCE_SECONDS
    )
    alive = set(
        WorkerBeat.objects.filter(seen_at__gte=silent_since).values_list(
            "worker_id", flat=True
        )
    )
    requeued = 0
    for result in DBTaskResult.objects.running().filter(started_at__lt=silent_since):
        if result.worker_ids and result.worker_ids[-1] in alive:
            continue  # a long task, but its worker is still there
        with transaction.atomic():
            taken = DBTaskResult.objects.filter(
                pk=result.pk,
                status=TaskResultStatus.RUNNING,
                started_at=result.started_at,
            ).update(status=TaskResultStatus.READY, started_at=None)
            if taken and result.task_path == run_scheduled_job.module_path:
                JobRun.objects.filter(
                    pk=result.args_kwargs["kwargs"].get("run_id"),
                    status=JobRun.Status.RUNNING,
                ).update(status=JobRun.Status.QUEUED, started_at=None)
        if taken:
            requeued += 1
            logger.warning(
                "task re-queued: its worker went silent",
                extra={
                    "task_id": str(result.pk),
                    "task": result.task_path,
                    "worker": result.worker_ids[-1] if result.worker_ids else "",
                },
            )
    WorkerBeat.objects.filter(seen_at__lt=now - datetime.timedelta(days=1)).delete()
    return requeued


def sent_mails_prune(*, now: datetime.datetime | None = None) -> int:
    """Forget mail keys after a week: no task is re-queued that long after it ran."""
    now = now or timezone.now()
    deleted, _ = SentMail.objects.filter(
        sent_at__lt=now - datetime.timedelta(days=7)
    ).delete()
    return deleted
