"""The task worker with the scheduler: `db_worker` plus the daily and hourly jobs.

We keep our own small scheduler instead of a scheduler library: the jobs are five
commands a day, the database already gives us the lock (one `JobRun` row per job and
period) and the queue, and a library (APScheduler, celery beat) would bring its own
job store or broker and still need that lock to run once with several workers.
"""

from __future__ import annotations

import logging
import threading

from django.db import close_old_connections, connection
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from quartier.ops.services import (
    jobs_claim_due,
    sent_mails_prune,
    tasks_requeue_orphaned,
    worker_beat,
)

logger = logging.getLogger("quartier.jobs")


BEAT_INTERVAL = 10  # seconds; well under QUARTIER_WORKER_SILENCE_SECONDS


def schedule_forever(interval: float, stop: threading.Event) -> None:
    """Claim due jobs now (a missed run starts at once), then every `interval` s.

    Each tick also re-queues the tasks of workers that died while running them and
    forgets old mail keys.
    """
    while not stop.is_set():
        close_old_connections()
        try:
            tasks_requeue_orphaned()
            jobs_claim_due()
            sent_mails_prune()
        except Exception:  # the database may be restarting; try again next tick
            logger.exception("scheduler tick failed")
        finally:
            connection.close()
        stop.wait(interval)


def beat_forever(worker_id: str, stop: threading.Event) -> None:
    """Tell the other workers this one is alive, so they leave its running task be.

    A thread of its own: the task loop may be busy with one long task for minutes.
    """
    while not stop.is_set():
        close_old_connections()
        try:
            worker_beat(worker_id=worker_id)
        except Exception:  # the database may be restarting; beat again next time
            logger.exception("worker beat failed")
        finally:
            connection.close()
        stop.wait(BEAT_INTERVAL)


class Command(DbWorkerCommand):
    help = "Runs queued tasks and, on their schedule, the daily and hourly jobs."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--schedule-interval",
            type=float,
            default=60,
            help="Seconds between looks for due jobs (default: 60).",
        )
        parser.add_argument(
            "--no-schedule",
            action="store_true",
            help="Only run tasks; another worker runs the scheduler.",
        )

    def handle(self, *args, schedule_interval: float, no_schedule: bool, **options):
        threading.Thread(
            target=beat_forever,
            args=(options["worker_id"], threading.Event()),
            name="beat",
            daemon=True,
        ).start()
        if not no_schedule:
            # A daemon thread: it only claims and queues; the jobs themselves run as
            # tasks in this worker's loop, so a stop signal ends both at once.
            threading.Thread(
                target=schedule_forever,
                args=(schedule_interval, threading.Event()),
                name="scheduler",
                daemon=True,
            ).start()
        super().handle(*args, **options)
