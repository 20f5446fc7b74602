import datetime
from decimal import Decimal

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from quartier.funds.models import Status
from quartier.funds.services import application_anonymise, attachment_add

PDF = b"%PDF-1.4\n"


def _run():
    call_command("funds_retention", stdout=_Null())


def test_personal_data_goes_first_payment_records_later(
    fund, make_application, applicant
):
    application = make_application(status=Status.CLOSED)
    application.closed_at = timezone.now()
    application.save()
    receipt = attachment_add(
        application=application,
        actor=applicant,
        kind="receipt",
        upload=SimpleUploadedFile("bon.pdf", PDF),
    )
    photo = attachment_add(
        application=application,
        actor=applicant,
        kind="photo",
        upload=SimpleUploadedFile("fest.pdf", PDF),
    )
    now = timezone.now()
    with time_machine.travel(now + datetime.timedelta(days=365 * 2)):
        _run()
    application.refresh_from_db()
    assert application.contact_name == "Erika Mustermann"  # default 3 years not over

    with time_machine.travel(now + datetime.timedelta(days=365 * 3 + 5)):
        _run()
    application.refresh_from_db()
    assert application.anonymised_at is not None
    assert application.applicant is None
    assert application.contact_name == ""
    assert application.description == ""
    # Payment records stay for the budget law: address, IBAN, receipts, payments.
    assert application.iban and application.address
    assert list(application.attachments.all()) == [receipt]
    assert not photo.file.storage.exists(photo.file.name)
    # Public facts stay for reporting.
    assert application.title and application.approved_amount == Decimal("500.00")

    with time_machine.travel(now + datetime.timedelta(days=365 * 10 + 5)):
        _run()
    application.refresh_from_db()
    assert application.iban == "" and application.address == ""
    assert not application.attachments.exists()
    assert not receipt.file.storage.exists(receipt.file.name)
    assert application.payments.count() == 1  # the sum stays, without notes


def test_open_applications_are_never_anonymised(make_application):
    application = make_application(status=Status.PAID)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=365 * 20)):
        _run()
    application.refresh_from_db()
    assert application.anonymised_at is None
    assert application.contact_name


def test_rejected_without_payments_loses_everything_after_personal_period(
    make_application,
):
    application = make_application(status=Status.REJECTED)
    application.closed_at = timezone.now()
    application.save()
    application_anonymise(application=application, keep_payments=False)
    application.refresh_from_db()
    assert (application.iban, application.address, application.contact_name) == (
        "",
        "",
        "",
    )


class _Null:
    def write(self, *args):
        pass
