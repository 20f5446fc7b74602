"""A worker killed in the middle of a task: the task runs again, no mail goes out twice."""

import contextvars
import datetime
import smtplib

import pytest
import time_machine
from django.core import mail
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks.signals import task_started
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

import config.settings
from quartier.accounts.tests.factories import UserFactory
from quartier.events.services import registration_create
from quartier.events.tasks import send_message_to_attendees
from quartier.events.tests.factories import EventFactory
from quartier.ops import mail as ledger
from quartier.ops.jobs import JOBS
from quartier.ops.models import JobRun, SentMail, WorkerBeat
from quartier.ops.services import job_run_claim, tasks_requeue_orphaned, worker_beat

pytestmark = pytest.mark.django_db
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


class Killed(BaseException):
    """SIGKILL: nothing after it runs, not even the worker's except clause."""


@pytest.fixture
def queue(settings):
    # pytest-django swaps EMAIL_BACKEND for locmem; put the ledger back in front of it.
    settings.EMAIL_BACKEND = "quartier.ops.mail.IdempotentEmailBackend"
    settings.QUARTIER_EMAIL_TRANSPORT = LOCMEM
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.QUARTIER_WORKER_SILENCE_SECONDS = 120


def worker(worker_id: str) -> Worker:
    return Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    )


def claim(worker_id: str) -> DBTaskResult:
    result = DBTaskResult.objects.ready().get()
    result.claim(worker_id)
    return result


def die_in(db_result: DBTaskResult, *, after_claims: int) -> None:
    """Run the task as a worker would, and kill the process at the n+1th mail claim."""
    claims = 0
    real_claim = ledger._claim

    def claim_or_die(key, task_id):
        nonlocal claims
        if claims == after_claims:
            raise Killed
        claims += 1
        return real_claim(key, task_id)

    def run():
        task_result = db_result.task_result
        task_started.send(
            sender=type(db_result.task.get_backend()), task_result=task_result
        )
        db_result.task.call(*task_result.args, **task_result.kwargs)

    ledger._claim = claim_or_die
    try:
        # A context of its own: the dead process's task stack dies with it.
        contextvars.copy_context().run(run)
    except Killed:
        pass
    finally:
        ledger._claim = real_claim


@pytest.fixture
def three_attendees():
    occurrence = EventFactory(registration_enabled=True).occurrences.get()
    for name in ("Ayla", "Bernd", "Cem"):
        registration_create(
            occurrence=occurrence, user=UserFactory(email=f"{name.lower()}@example.org")
        )
    # Only the task under test in the queue (not the registrations' own mails).
    DBTaskResult.objects.all().delete()
    return occurrence


def test_a_task_killed_after_one_mail_runs_again_and_mails_each_person_once(
    queue, three_attendees
):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        send_message_to_attendees.enqueue(
            occurrence_id=three_attendees.pk, subject="Raumwechsel", message="Saal 2"
        )
        worker_beat(worker_id="w1")
        mail.outbox.clear()
        die_in(claim("w1"), after_claims=1)
    assert [m.to for m in mail.outbox] == [["ayla@example.org"]]
    assert DBTaskResult.objects.get().status == TaskResultStatus.RUNNING

    # Within the silence limit the task still belongs to w1.
    with time_machine.travel(start + datetime.timedelta(seconds=119), tick=False):
        assert tasks_requeue_orphaned() == 0
    with time_machine.travel(start + datetime.timedelta(seconds=121), tick=False):
        assert tasks_requeue_orphaned() == 1
        assert tasks_requeue_orphaned() == 0  # once, whoever looks again
        result = DBTaskResult.objects.get()
        assert result.status == TaskResultStatus.READY
        worker("w2").run_task(claim("w2"))

    result = DBTaskResult.objects.get()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.worker_ids == ["w1", "w2"]
    assert sorted(m.to[0] for m in mail.outbox) == [
        "ayla@example.org",
        "bernd@example.org",
        "cem@example.org",
    ]
    assert SentMail.objects.count() == 3


def test_a_task_that_finished_is_not_mailed_again_when_run_again(
    queue, three_attendees
):
    send_message_to_attendees.enqueue(
        occurrence_id=three_attendees.pk, subject="Raumwechsel", message="Saal 2"
    )
    mail.outbox.clear()
    db_result = claim("w1")
    worker("w1").run_task(db_result)
    # Delivered twice (a lost acknowledgement): the same run id, so no second mails.
    DBTaskResult.objects.update(status=TaskResultStatus.READY)
    worker("w2").run_task(claim("w2"))
    assert len(mail.outbox) == 3


def test_the_task_of_a_live_worker_is_left_alone(queue, three_attendees):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        send_message_to_attendees.enqueue(
            occurrence_id=three_attendees.pk, subject="Raumwechsel", message="Saal 2"
        )
        claim("w1")
    with time_machine.travel(start + datetime.timedelta(minutes=30), tick=False):
        worker_beat(worker_id="w1")  # a long task; its worker still beats
        assert tasks_requeue_orphaned() == 0
    assert DBTaskResult.objects.get().status == TaskResultStatus.RUNNING
    assert WorkerBeat.objects.get().worker_id == "w1"


def test_a_killed_scheduled_job_runs_again(queue):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        run = job_run_claim(job=JOBS["send_daily_digests"], period="2026-12-03")
        claim("w1")
        JobRun.objects.filter(pk=run.pk).update(
            status=JobRun.Status.RUNNING, started_at=start
        )
    with time_machine.travel(start + datetime.timedelta(minutes=3), tick=False):
        assert tasks_requeue_orphaned() == 1
        assert JobRun.objects.get().status == JobRun.Status.QUEUED
        worker("w2").run_task(claim("w2"))
    assert JobRun.objects.get().status == JobRun.Status.SUCCEEDED


def test_a_mail_the_transport_refused_is_sent_by_the_retry(
    queue, three_attendees, monkeypatch
):
    from django.core.mail.backends import locmem

    real_send = locmem.EmailBackend.send_messages
    calls = []

    def refuse_first(self, messages):
        calls.append(messages)
        if len(calls) == 1:
            raise smtplib.SMTPServerDisconnected("gone")
        return real_send(self, messages)

    monkeypatch.setattr(locmem.EmailBackend, "send_messages", refuse_first)
    send_message_to_attendees.enqueue(
        occurrence_id=three_attendees.pk, subject="Raumwechsel", message="Saal 2"
    )
    mail.outbox.clear()
    worker("w1").run_task(claim("w1"))
    assert DBTaskResult.objects.get().status == TaskResultStatus.FAILED
    assert SentMail.objects.count() == 0  # the refused key was freed
    DBTaskResult.objects.update(status=TaskResultStatus.READY)
    worker("w1").run_task(claim("w1"))
    assert len(mail.outbox) == 3


def test_mail_outside_a_task_passes_straight_through(settings):
    settings.EMAIL_BACKEND = "quartier.ops.mail.IdempotentEmailBackend"
    settings.QUARTIER_EMAIL_TRANSPORT = LOCMEM
    for _ in range(2):
        mail.send_mail("Hallo", "Text", None, ["a@example.org"])
    assert len(mail.outbox) == 2
    assert not SentMail.objects.exists()


def test_every_mail_of_the_installation_passes_the_ledger():
    # The settings module as deployed (pytest-django only overrides django.conf.settings).
    assert config.settings.EMAIL_BACKEND == "quartier.ops.mail.IdempotentEmailBackend"
