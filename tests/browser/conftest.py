"""Browser smoke tests: pytest-playwright against Debian's chromium, offline."""

import os

import pytest

# Playwright's sync API runs an event loop; Django's ORM calls from the test are safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": "/usr/bin/chromium"}
