from django.core.management.base import BaseCommand
from django.utils import timezone

from quartier.ops.jobs import JOBS
from quartier.ops.models import JobRun


class Command(BaseCommand):
    help = "Lists the scheduled jobs, the period each is due for and its last run."

    def handle(self, *args, **options):
        now = timezone.now()
        last = JobRun.objects.filter(job__in=JOBS).latest_per_job()
        for name, job in JOBS.items():
            run = last.get(name)
            when = job.at.strftime("%H:%M") if job.every == "day" else f"xx:{job.at:%M}"
            state = f"{run.period} {run.status}" if run else "never run"
            self.stdout.write(
                f"{name:24} {job.every:4} {when}  due {job.period(now)}  last {state}"
            )
