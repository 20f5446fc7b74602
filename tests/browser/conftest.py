"""Browser tests: pytest-playwright against Debian's Chromium and Django's live_server."""

import os

import pytest

# Playwright's sync API runs an event loop; Django refuses ORM calls inside one otherwise.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": "/usr/bin/chromium"}
