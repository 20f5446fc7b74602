"""Guard: the client's address is read in one place, `core.ratelimit.client_key`.

Behind a proxy REMOTE_ADDR is the proxy, and X-Forwarded-For is whatever the client
wrote unless only the trusted hops are counted. Code reading either directly would
count every visitor as one (or let one visitor pose as many).
"""

import re
from pathlib import Path

from django.conf import settings

READS_ADDRESS = re.compile(r"REMOTE_ADDR|X[-_]FORWARDED[-_]FOR|get_client_ip", re.I)
THE_ONE_PLACE = Path("quartier/core/ratelimit.py")


def _sources():
    root = Path(settings.BASE_DIR)
    for path in sorted((root / "quartier").rglob("*.py")):
        relative = path.relative_to(root)
        if "tests" not in relative.parts and "migrations" not in relative.parts:
            yield relative, path.read_text(encoding="utf-8")


def test_only_client_key_reads_the_client_address():
    readers = [str(path) for path, text in _sources() if READS_ADDRESS.search(text)]
    assert readers == [str(THE_ONE_PLACE)]


def test_the_pattern_sees_each_way_of_reading_it():
    for line in (
        'request.META["REMOTE_ADDR"]',
        'request.META.get("HTTP_X_FORWARDED_FOR")',
        "request.headers['X-Forwarded-For']",
        "adapter.get_client_ip(request)",
    ):
        assert READS_ADDRESS.search(line), line
