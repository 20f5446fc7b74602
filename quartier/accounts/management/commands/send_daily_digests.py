from django.core.management.base import BaseCommand

from quartier.accounts.tasks import send_daily_digests


class Command(BaseCommand):
    help = "Queues the daily digest email (the worker runs it once a day: quartier/ops/jobs.py)."

    def handle(self, *args, **options):
        result = send_daily_digests.enqueue()
        self.stdout.write(f"Queued daily digests: {result.id}")
