import datetime

import time_machine
from django.core.management import call_command
from django.utils import timezone

from quartier.funds.models import Status
from quartier.funds.tasks import send_proof_reminders


def test_overdue_proofs_get_a_reminder_every_two_weeks(make_application, mailoutbox):
    application = make_application(status=Status.PAID)
    due = application.proof_due_on
    send_proof_reminders.call()
    assert mailoutbox == []  # not yet due
    with time_machine.travel(due + datetime.timedelta(days=1)):
        assert send_proof_reminders.call() == 1
        assert "Verwendungsnachweis" in mailoutbox[0].subject
        assert send_proof_reminders.call() == 0  # not twice in a row
    with time_machine.travel(due + datetime.timedelta(days=16)):
        assert send_proof_reminders.call() == 1
    application.status = Status.PROOF_SUBMITTED
    application.save()
    with time_machine.travel(due + datetime.timedelta(days=40)):
        assert send_proof_reminders.call() == 0
    assert len(mailoutbox) == 2


def test_command_queues_the_task(make_application, mailoutbox):
    application = make_application(status=Status.LETTER_SENT)
    application.proof_due_on = timezone.localdate() - datetime.timedelta(days=3)
    application.save()
    call_command("funds_send_reminders", stdout=_Null())
    assert len(mailoutbox) == 1


class _Null:
    def write(self, *args):
        pass


def test_status_page_marks_overdue_proof(client, make_application, applicant):
    application = make_application(status=Status.PAID)
    client.force_login(applicant)
    assert (
        "überfällig" not in client.get(application.get_absolute_url()).content.decode()
    )
    with time_machine.travel(application.proof_due_on + datetime.timedelta(days=2)):
        client.force_login(applicant)  # the first session has expired by then
        page = client.get(application.get_absolute_url()).content.decode()
    assert "überfällig" in page
