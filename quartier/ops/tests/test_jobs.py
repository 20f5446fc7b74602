"""Scheduled jobs: each runs once per period, a missed one once on start, all recorded."""

import datetime
import threading

import pytest
import time_machine
from django.db import connection, connections

from quartier.ops import services
from quartier.ops.jobs import BERLIN, JOBS, Job
from quartier.ops.models import JobRun
from quartier.ops.services import job_run_claim, jobs_claim_due

# A job whose command is cheap and has no side effects.
PROBE = Job("probe", "jobs", "hour", datetime.time(0, 15))


def berlin(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=BERLIN)


@pytest.mark.parametrize(
    ("now", "period"),
    [
        (berlin(2026, 12, 3, 6, 59), "2026-12-02"),  # before 07:00: yesterday's run
        (berlin(2026, 12, 3, 7, 0), "2026-12-03"),
        (berlin(2026, 12, 3, 23, 59), "2026-12-03"),
        (berlin(2027, 1, 1, 0, 30), "2026-12-31"),
    ],
)
def test_daily_period_is_that_of_the_latest_scheduled_time(now, period):
    assert JOBS["send_daily_digests"].period(now) == period


@pytest.mark.parametrize(
    ("now", "period"),
    [
        (berlin(2026, 12, 3, 7, 14), "2026-12-03T06"),
        (berlin(2026, 12, 3, 7, 15), "2026-12-03T07"),
        (berlin(2026, 12, 4, 0, 5), "2026-12-03T23"),
        # Clocks go back on 25 Oct 2026: 02:20 CEST and 02:20 CET are one period.
        (datetime.datetime(2026, 10, 25, 0, 20, tzinfo=datetime.UTC), "2026-10-25T02"),
        (datetime.datetime(2026, 10, 25, 1, 20, tzinfo=datetime.UTC), "2026-10-25T02"),
    ],
)
def test_hourly_period(now, period):
    assert PROBE.period(now) == period


@pytest.mark.django_db
def test_each_job_runs_once_per_period_and_is_recorded():
    with time_machine.travel(berlin(2026, 12, 3, 9, 0)):
        first = jobs_claim_due()
        again = jobs_claim_due()
    assert sorted(run.job for run in first) == sorted(JOBS)
    assert again == []
    runs = JobRun.objects.all()
    assert runs.count() == len(JOBS)
    for run in runs:
        assert run.period == "2026-12-03"
        assert run.status == JobRun.Status.SUCCEEDED, run.result
        assert run.started_at <= run.finished_at
    assert "Anonymised" in runs.get(job="funds_retention").result
    with time_machine.travel(berlin(2026, 12, 4, 9, 0)):
        assert len(jobs_claim_due()) == len(JOBS)


@pytest.mark.django_db
def test_a_job_missed_for_days_runs_once_on_start():
    JobRun.objects.create(
        job="events_daily", period="2026-11-28", status=JobRun.Status.SUCCEEDED
    )
    # Everything was down from 28 November until this morning, 02:00.
    with time_machine.travel(berlin(2026, 12, 3, 2, 0)):
        claimed = [run for run in jobs_claim_due() if run.job == "events_daily"]
    assert [run.period for run in claimed] == ["2026-12-02"]
    assert JobRun.objects.filter(job="events_daily").count() == 2


@pytest.mark.django_db
def test_a_failing_job_is_recorded_as_failed(monkeypatch):
    broken = Job("broken", "no_such_command", "day", datetime.time(1, 0))
    monkeypatch.setitem(services.JOBS, "broken", broken)
    run = job_run_claim(job=broken, period="2026-12-03")
    run.refresh_from_db()
    assert run.status == JobRun.Status.FAILED
    assert "no_such_command" in run.result
    assert run.finished_at is not None


@pytest.mark.django_db
def test_a_run_delivered_twice_runs_once(monkeypatch):
    monkeypatch.setitem(services.JOBS, "probe", PROBE)
    run = job_run_claim(job=PROBE, period="2026-12-03T07")
    assert services.job_run_execute(run_id=run.pk) == "already run"


@pytest.mark.postgres
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="concurrent inserts need PostgreSQL"
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_claims_give_one_run(monkeypatch):
    monkeypatch.setitem(services.JOBS, "probe", PROBE)
    workers = 6
    barrier = threading.Barrier(workers)
    results, errors = [], []

    def claim():
        try:
            barrier.wait()
            results.append(job_run_claim(job=PROBE, period="2026-12-03T07"))
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=claim) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sum(run is not None for run in results) == 1
    run = JobRun.objects.get(job="probe")
    assert run.status == JobRun.Status.SUCCEEDED
