"""JSON log lines with a request id on request, task and job lines."""

import datetime
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from quartier.ops import services
from quartier.ops.jobs import Job
from quartier.ops.logs import JsonFormatter, RequestIdFilter
from quartier.ops.services import job_run_claim

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def lines():
    """Log lines as the production handler writes them, parsed back."""
    written = []

    class Collect(logging.Handler):
        def emit(self, record):
            written.append(json.loads(self.format(record)))

    handler = Collect()
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.addHandler(handler)
    yield written
    root.removeHandler(handler)


@pytest.mark.django_db
def test_request_line_carries_the_id_sent_back(client, lines):
    response = client.get("/healthz")
    request_id = response["X-Request-ID"]
    assert len(request_id) == 32
    [line] = [line for line in lines if line["logger"] == "quartier.request"]
    assert line["request_id"] == request_id
    assert line["path"] == "/healthz"
    assert line["status"] == 200
    assert line["level"] == "INFO"
    assert line["time"].endswith("Z")


@pytest.mark.parametrize(
    ("sent", "kept"),
    [("3f2a9c1e-proxy-id-0001", True), ("<script>", False), ("x" * 200, False)],
)
def test_proxy_request_id_kept_only_when_it_looks_like_one(client, sent, kept):
    response = client.get("/healthz", HTTP_X_REQUEST_ID=sent)
    assert (response["X-Request-ID"] == sent) is kept


@pytest.mark.django_db
def test_task_and_job_lines_carry_the_task_id(lines, monkeypatch):
    probe = Job("probe", "jobs", "hour", datetime.time(0, 15))
    monkeypatch.setitem(services.JOBS, "probe", probe)
    job_run_claim(job=probe, period="2026-12-03T07")
    queued = next(line for line in lines if line["message"] == "task queued")
    started = next(line for line in lines if line["message"] == "task started")
    finished = next(line for line in lines if line["message"] == "job finished")
    assert started["request_id"] == f"task:{queued['task_id']}"
    assert finished["request_id"] == started["request_id"]
    assert finished["job"] == "probe"
    assert finished["period"] == "2026-12-03T07"
    # Back outside the task: the id is no longer the task's.
    claimed = next(line for line in lines if line["message"] == "job claimed")
    assert claimed["request_id"] == "-"


def test_exceptions_are_one_json_line(lines):
    try:
        raise ValueError("kaputt")
    except ValueError:
        logging.getLogger("quartier.test").exception("failed")
    assert "ValueError: kaputt" in lines[-1]["exception"]


def test_no_error_reporting_without_a_dsn():
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTEST", "SENTRY"))
    }
    completed = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django, sys; django.setup(); print('sentry_sdk' in sys.modules)",
        ],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings", "DEBUG": "true"},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert completed.stdout.strip() == "False"
