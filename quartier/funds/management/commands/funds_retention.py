"""Anonymise fund applications whose retention period is over. The worker runs it daily (quartier/ops/jobs.py)."""

import datetime

from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from quartier.funds.models import FINAL_STATES, Fund
from quartier.funds.services import application_anonymise


def _years_ago(now: datetime.datetime, years: int) -> datetime.datetime:
    return now - datetime.timedelta(days=round(365.25 * years))


class Command(BaseCommand):
    help = (
        "Removes applicants' personal data after each fund's retention period, and "
        "payment records (address, bank details, receipts) after the longer one."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, dry_run: bool = False, **options):
        now = timezone.now()
        personal = payments = 0
        for fund in Fund.objects.all():
            ended = fund.applications.filter(status__in=FINAL_STATES)
            first_stage = ended.filter(
                anonymised_at__isnull=True,
                closed_at__lt=_years_ago(now, fund.retention_years_personal),
            )
            second_stage = ended.filter(
                closed_at__lt=_years_ago(now, fund.retention_years_payments)
            ).filter(~Q(address="") | ~Q(iban="") | Q(attachments__isnull=False))
            for application in second_stage.distinct():
                payments += 1
                if not dry_run:
                    application_anonymise(application=application, keep_payments=False)
            for application in first_stage.prefetch_related("payments"):
                personal += 1
                if not dry_run:
                    application_anonymise(
                        application=application,
                        keep_payments=bool(application.payments.all()),
                    )
        self.stdout.write(
            f"Anonymised: {personal} (personal data), {payments} (payment records)"
            + (" [dry run]" if dry_run else "")
        )
