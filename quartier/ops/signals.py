"""Bridge django-tasks' signals into the log context (logs.py) and the mail ledger
(mail.py)."""

import logging
from contextvars import ContextVar

from django.dispatch import receiver
from django_tasks.signals import task_enqueued, task_finished, task_started

from . import mail
from .logs import request_id

logger = logging.getLogger("quartier.tasks")
# The ids to go back to: the immediate backend (tests) runs tasks inside requests.
_outer: ContextVar[tuple[str, ...]] = ContextVar("outer_request_ids", default=())


@receiver(task_enqueued)
def log_enqueued(sender, task_result, **kwargs):
    logger.info(
        "task queued",
        extra={"task_id": task_result.id, "task": task_result.task.module_path},
    )


@receiver(task_started)
def enter_task(sender, task_result, **kwargs):
    _outer.set((*_outer.get(), request_id.get()))
    request_id.set(f"task:{task_result.id}")
    mail.task_entered(task_result.id)
    logger.info(
        "task started",
        extra={"task_id": task_result.id, "task": task_result.task.module_path},
    )


@receiver(task_finished)
def leave_task(sender, task_result, **kwargs):
    mail.task_left()
    logger.info(
        "task finished",
        extra={
            "task_id": task_result.id,
            "task": task_result.task.module_path,
            "status": str(task_result.status),
        },
    )
    if outer := _outer.get():
        request_id.set(outer[-1])
        _outer.set(outer[:-1])
