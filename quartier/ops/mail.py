"""Mails from tasks go out at most once, even when the task runs again.

A worker killed in the middle of a task leaves it "running"; another worker puts it
back in the queue (`services.tasks_requeue_orphaned`) and it runs again from the start.
Every mail it had already sent before the kill would go out a second time. So the mail
backend itself, the one place every `send_mail`, `send_mass_mail` and
`EmailMessage.send()` passes through, records an idempotency key per mail before
handing it to the transport, and skips a mail whose key is already recorded.

The key is derived from the task run (its id stays the same when it is re-queued, and
its arguments name the object), the recipients, the subject, and the mail's rank among
the mails of this run with the same recipients and subject (a loop over registrations
sends them in a stable order). The body is left out on purpose: it may carry a fresh
signed link (unsubscribe tokens hold a timestamp) and would differ on a re-run.

Recording first and sending second means at most once: a worker killed between the
two loses that one mail instead of sending it twice, and the log line "mail skipped"
shows it. A transport error (SMTP down) removes the key again, so the task's retry
sends it. Mails sent outside a task (a request sending directly) pass through as they
are: a request is not re-run by the system.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import EmailMessage
from django.db import IntegrityError, transaction

from .models import SentMail

logger = logging.getLogger("quartier.mail")


@dataclass
class _TaskRun:
    task_id: str
    seen: Counter = field(default_factory=Counter)


# The innermost running task; a stack because the immediate backend (tests, demo
# commands) runs a task inside a request or inside another task.
_runs: ContextVar[tuple[_TaskRun, ...]] = ContextVar("mail_task_runs", default=())


def task_entered(task_id: str) -> None:
    _runs.set((*_runs.get(), _TaskRun(str(task_id))))


def task_left() -> None:
    _runs.set(_runs.get()[:-1])


def mail_key(run: _TaskRun, message: EmailMessage) -> str:
    recipients = sorted(address.strip().lower() for address in message.recipients())
    address = "\n".join([*recipients, "", str(message.subject)])
    run.seen[address] += 1
    raw = f"{run.task_id}\n{run.seen[address]}\n{address}"
    return hashlib.sha256(raw.encode()).hexdigest()


class IdempotentEmailBackend(BaseEmailBackend):
    """Wraps the real transport (`QUARTIER_EMAIL_TRANSPORT`) with the key ledger."""

    def __init__(self, fail_silently: bool = False, **kwargs):
        super().__init__(fail_silently=fail_silently)
        self.transport = get_connection(
            settings.QUARTIER_EMAIL_TRANSPORT, fail_silently=fail_silently, **kwargs
        )

    def open(self):
        return self.transport.open()

    def close(self):
        return self.transport.close()

    def send_messages(self, email_messages):
        runs = _runs.get()
        if not runs:
            return self.transport.send_messages(email_messages)
        run = runs[-1]
        sent = 0
        for message in email_messages:
            key = mail_key(run, message)
            if not _claim(key, run.task_id):
                logger.info(
                    "mail skipped: already sent by an earlier run of this task",
                    extra={"task_id": run.task_id, "mail_key": key},
                )
                continue
            try:
                sent += self.transport.send_messages([message]) or 0
            except Exception:
                # Not sent: free the key so the task's next attempt sends it.
                SentMail.objects.filter(key=key).delete()
                raise
        return sent


def _claim(key: str, task_id: str) -> bool:
    try:
        with transaction.atomic():
            SentMail.objects.create(key=key, task_id=task_id[:64])
    except IntegrityError:
        return False
    return True
