"""Claiming and running scheduled jobs (see jobs.py)."""

from __future__ import annotations

import datetime
import logging

from django.db import IntegrityError, transaction
from django.utils import timezone

from .jobs import JOBS, Job
from .models import JobRun

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
