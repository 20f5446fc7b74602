"""Running one claimed period of a scheduled job (claiming is in services.py)."""

from __future__ import annotations

import logging
import os
import socket
import traceback

from django.utils import timezone

from .jobs import JOBS
from .models import JobRun

logger = logging.getLogger("quartier.jobs")


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"[:128]


def job_run_execute(*, run_id: int) -> str:
    """Run a claimed job once and record start, end and result.

    Moves the run from queued to running with a conditional update, so a task that
    is delivered twice runs the job only once. A failing job is recorded as failed
    with its traceback; the error is logged, not raised, so the worker goes on.
    """
    started = JobRun.objects.filter(pk=run_id, status=JobRun.Status.QUEUED).update(
        status=JobRun.Status.RUNNING, started_at=timezone.now(), worker=worker_name()
    )
    if not started:
        return "already run"
    run = JobRun.objects.get(pk=run_id)
    try:
        result = JOBS[run.job].run()
        status = JobRun.Status.SUCCEEDED
    except Exception:  # any failure is recorded for the city editors
        logger.exception("job failed", extra={"job": run.job, "period": run.period})
        result = traceback.format_exc()
        status = JobRun.Status.FAILED
    JobRun.objects.filter(pk=run_id).update(
        status=status, finished_at=timezone.now(), result=result[-10000:]
    )
    logger.info(
        "job finished",
        extra={"job": run.job, "period": run.period, "status": status},
    )
    return status
