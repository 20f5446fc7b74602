"""Request ids and JSON log lines.

Every line carries a `request_id`: the id of the HTTP request (kept from the proxy's
X-Request-ID when it looks like one, so nginx and app lines match), or of the task
the worker is running (`task:<id>`), or "-" outside both. Scheduled jobs run as tasks,
so their lines carry their task's id plus `job` and `period`. The line that queues a
task names its `task_id`, which links the request to the task.

Imported by the LOGGING setting: stdlib only, no models.
"""

from __future__ import annotations

import datetime
import json
import logging
import re
import time
import uuid
from contextvars import ContextVar

request_id: ContextVar[str] = ContextVar("request_id", default="-")

_VALID_ID = re.compile(r"^[A-Za-z0-9._:-]{8,64}$")
# Attributes every LogRecord has; anything else came through `extra=` and is logged.
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "request_id"}

request_logger = logging.getLogger("quartier.request")


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC), level, logger, message, request_id, extras."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.datetime.fromtimestamp(record.created, tz=datetime.UTC)
            .isoformat(timespec="milliseconds")
            .replace("+00:00", "Z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", request_id.get()),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                line[key] = value
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, default=str, ensure_ascii=False)


def request_id_middleware(get_response):
    """Give each request an id (X-Request-ID in and out) and log one line for it."""

    def middleware(request):
        incoming = request.headers.get("X-Request-ID", "")
        token = request_id.set(
            incoming if _VALID_ID.match(incoming) else uuid.uuid4().hex
        )
        started = time.monotonic()
        try:
            response = get_response(request)
            response["X-Request-ID"] = request_id.get()
            request_logger.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.monotonic() - started) * 1000, 1),
                },
            )
            return response
        finally:
            request_id.reset(token)

    return middleware
