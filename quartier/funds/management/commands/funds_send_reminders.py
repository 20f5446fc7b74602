"""Queue the reminder mails for overdue proofs of use. The worker runs it daily (quartier/ops/jobs.py)."""

from django.core.management.base import BaseCommand

from quartier.funds.tasks import send_proof_reminders


class Command(BaseCommand):
    help = "Queues reminders for proofs of use past their deadline (at most every 14 days)."

    def handle(self, *args, **options):
        result = send_proof_reminders.enqueue()
        self.stdout.write(f"Queued: {result.id}")
