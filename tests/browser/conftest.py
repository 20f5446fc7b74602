"""Browser tests: Debian's Chromium driven by Playwright against Django's live server."""

import os

import pytest

# Playwright's sync API runs an event loop in this thread; Django would refuse ORM
# calls from it. Only browser tests need this, so only this conftest sets it.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def setup_connection(django_db_setup):
    """The connection that created the test database, before Playwright started.

    With Playwright's event loop running in this thread, Django keys connections
    by context, so tests get a fresh connection object without the database
    contents pytest-django serialized on this one for rollbacks.
    """
    from django.db import connections

    return connections["default"]


@pytest.fixture
def _serialized_contents_on_this_connection(setup_connection):
    from django.db import connections

    connection = connections["default"]
    if contents := getattr(setup_connection, "_test_serialized_contents", None):
        connection._test_serialized_contents = contents


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, setup_connection):
    # Never a downloaded browser: the distribution's Chromium gets security updates.
    # Depends on the test database so that it exists before Playwright starts.
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture
def demo_site(
    _serialized_contents_on_this_connection,
    django_db_serialized_rollback,
    transactional_db,
    live_server,
    tmp_path,
):
    """The Osnabrück demo, committed so the live server's thread can read it.

    The flush after each transactional test also deletes what migrations made
    (Wagtail's root page and collection); serialized rollback restores it.
    """
    from django.core.cache import cache
    from django.core.management import call_command

    # Wagtail caches the site root paths; a previous test's rows are gone.
    cache.clear()
    call_command(
        "seed_demo", password_file=str(tmp_path / "password.txt"), stdout=_Null()
    )
    return live_server.url


class _Null:
    def write(self, *args, **kwargs):
        pass


@pytest.fixture
def console_problems(page):
    """Console errors and page errors (CSP violations land here) seen by `page`."""
    problems = []
    page.on(
        "console",
        lambda message: (
            problems.append(message.text) if message.type == "error" else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    return problems


@pytest.fixture(autouse=True)
def _restore_migrated_rows(
    _serialized_contents_on_this_connection, django_db_serialized_rollback
):
    """Browser tests are transactional (the live server runs in another thread).

    Each restores what migrations made when it starts; otherwise one test's flush
    would leave the next without Wagtail's root page, locale and collection.
    """
