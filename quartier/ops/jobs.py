"""The scheduled jobs and their periods.

The worker (`manage.py worker`) asks every minute which period each job is due for and
claims it with a `JobRun` row; the row is unique per job and period, so with several
workers each job still runs once per period. The period is the one of the latest
scheduled time at or before now: a job missed while everything was down runs once
when a worker starts again, never once per missed day.

Times are Berlin wall-clock times. On the night clocks go back, 02:xx happens twice
but is one period, so an hourly job runs once in that hour; on the night they go
forward a job set for 02:30 runs at 03:30.
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass
from typing import Literal
from zoneinfo import ZoneInfo

from django.core.management import call_command

BERLIN = ZoneInfo("Europe/Berlin")


@dataclass(frozen=True)
class Job:
    name: str
    command: str  # a management command, so a city can still run it by hand
    every: Literal["day", "hour"]
    at: datetime.time  # daily: the time of day; hourly: only the minute counts

    def period(self, now: datetime.datetime) -> str:
        """The period of the latest scheduled time at or before `now`."""
        local = now.astimezone(BERLIN)
        if self.every == "day":
            due = local.replace(
                hour=self.at.hour, minute=self.at.minute, second=0, microsecond=0
            )
            # Aware datetimes in one zone compare by wall-clock time, as intended.
            day = local.date() if local >= due else local.date() - datetime.timedelta(1)
            return day.isoformat()
        hour = local.replace(minute=self.at.minute, second=0, microsecond=0)
        if local < hour:
            hour = (
                hour.astimezone(datetime.UTC) - datetime.timedelta(hours=1)
            ).astimezone(BERLIN)
        return f"{hour.date().isoformat()}T{hour.hour:02d}"

    def run(self) -> str:
        """Run the command; its output is the result a city editor reads."""
        output = io.StringIO()
        call_command(self.command, stdout=output, stderr=output)
        return output.getvalue().strip()


# Night jobs first, mails when people read them.
JOBS: dict[str, Job] = {
    job.name: job
    for job in [
        Job("funds_retention", "funds_retention", "day", datetime.time(2, 30)),
        Job("events_daily", "events_daily", "day", datetime.time(3, 0)),
        Job(
            "monitoring_portal_figures",
            "monitoring_portal_figures",
            "day",
            datetime.time(3, 30),
        ),
        Job("send_daily_digests", "send_daily_digests", "day", datetime.time(7, 0)),
        Job("community_reminders", "community_reminders", "day", datetime.time(8, 0)),
        Job("funds_send_reminders", "funds_send_reminders", "day", datetime.time(8, 0)),
    ]
}
