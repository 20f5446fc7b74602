"""Browser smoke tests for the community journeys, with axe on every page and state.

Self-contained (no shared browser conftest yet): Debian's chromium, Playwright's sync API.
"""

import os
import re
from decimal import Decimal

import pytest

os.environ.setdefault(
    "DJANGO_ALLOW_ASYNC_UNSAFE", "true"
)  # Playwright's loop vs. the ORM

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def browser_type_launch_args():
    return {"executable_path": "/usr/bin/chromium", "args": ["--no-sandbox"]}


@pytest.fixture
def data(transactional_db):
    from importlib import import_module

    from django.apps import apps as django_apps
    from wagtail.models import Locale

    from quartier.accounts.tests.factories import UserFactory
    from quartier.community.tests.factories import (
        HelpPostFactory,
        MembershipFactory,
        OpportunityFactory,
        OrganisationFactory,
        VacancyFactory,
    )
    from quartier.quarters.tests.factories import QuarterFactory

    # transactional_db flushes rows that migrations created: put them back.
    Locale.objects.get_or_create(language_code="de")
    Locale.objects.get_or_create(language_code="en")
    import_module("quartier.community.migrations.0004_languages_target_groups").add(
        django_apps, None
    )
    schinkel = QuarterFactory(
        name="Sanierungsgebiet Schinkel", short_name="Schinkel", slug="schinkel"
    )
    rosenplatz = QuarterFactory(
        name="Stadtquartier Rosenplatz", short_name="Rosenplatz", slug="rosenplatz"
    )
    club = OrganisationFactory(
        name="Kulturverein Schinkel",
        quarters=[schinkel],
        languages=["tr", "de"],
        step_free=True,
    )
    OrganisationFactory(
        name="Schachclub Schinkel", quarters=[schinkel], languages=["de"]
    )
    rep = UserFactory(display_name="Vorstand")
    MembershipFactory(organisation=club, user=rep)
    resident = UserFactory(display_name="Erika M.")
    return {
        "club": club,
        "rep": rep,
        "resident": resident,
        "post": HelpPostFactory(quarter=schinkel, title="Leiter zu verleihen"),
        "opportunity": OpportunityFactory(organisation=club, title="Hausaufgabenhilfe"),
        "vacancy": VacancyFactory(
            quarter=rosenplatz, title="Laden am Platz", area_m2=Decimal("85")
        ),
        "small": VacancyFactory(
            quarter=rosenplatz, title="Kleines Büro", area_m2=Decimal("30")
        ),
    }


def _login(context, live_server, user):
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def _axe_clean(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def _one_h1_no_overflow(page):
    assert page.locator("h1").count() == 1
    page.set_viewport_size({"width": 320, "height": 800})
    overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    page.set_viewport_size({"width": 1280, "height": 900})
    assert not overflow, page.url


def test_find_turkish_step_free_club_with_htmx_filters(page, live_server, data):
    from playwright.sync_api import expect

    page.goto(live_server.url + "/akteure/")
    _axe_clean(page)
    _one_h1_no_overflow(page)
    page.select_option("#id_quartier", "schinkel")
    page.select_option("#id_sprache", "tr")
    page.check("#id_stufenlos")
    expect(page.locator("#results")).to_contain_text("1 Eintrag gefunden")
    expect(page.locator("#results")).not_to_contain_text("Schachclub")
    # htmx swapped the results in place and kept the filters in the address.
    assert re.search(r"sprache=tr", page.url)
    _axe_clean(page)
    page.click("text=Kulturverein Schinkel")
    expect(page.locator("h1")).to_contain_text("Kulturverein Schinkel")
    _axe_clean(page)


def test_help_board_reply_and_error_states(browser, live_server, data):
    context = browser.new_context(bypass_csp=False)
    _login(context, live_server, data["resident"])
    page = context.new_page()
    page.goto(live_server.url + "/nachbarschaftshilfe/")
    _axe_clean(page)
    page.goto(live_server.url + "/nachbarschaftshilfe/neu/")
    _axe_clean(page)
    page.click("button[type=submit]")  # empty form: error summary and field errors
    assert page.locator("#form-errors").count() == 1
    _axe_clean(page)
    page.goto(live_server.url + data["post"].get_absolute_url())
    _axe_clean(page)
    page.wait_for_timeout(3100)  # the time trap wants a human pace
    page.fill("#id_body", "Ich bräuchte sie am Samstag.")
    page.click("text=Nachricht senden")
    assert "/nachrichten/" in page.url
    _axe_clean(page)
    context.close()


def test_volunteering_and_vacancy_pages(browser, live_server, data):
    context = browser.new_context()
    _login(context, live_server, data["resident"])
    page = context.new_page()
    for path in (
        "/engagement/",
        data["opportunity"].get_absolute_url(),
        "/wirtschaft/",
        "/wirtschaft/leerstand/?quartier=rosenplatz&flaeche_ab=60",
        data["club"].get_absolute_url() + "beanspruchen/",
        "/wirtschaft/leerstand/melden/",
    ):
        page.goto(live_server.url + path)
        _axe_clean(page)
        _one_h1_no_overflow(page)
    page.goto(
        live_server.url + "/wirtschaft/leerstand/?quartier=rosenplatz&flaeche_ab=60"
    )
    assert page.locator("text=Laden am Platz").count() == 1
    assert page.locator("text=Kleines Büro").count() == 0
    page.goto(live_server.url + data["vacancy"].get_absolute_url())
    page.click(
        "form.form-section button[type=submit], section.form-section button[type=submit]"
    )
    assert page.locator("#form-errors").count() == 1
    _axe_clean(page)
    page.goto(live_server.url + "/wirtschaft/leerstand/melden/")
    page.click("button[type=submit]")  # the owner's listing form in its error state
    assert page.locator("#form-errors").count() == 1
    _axe_clean(page)
    context.close()


def test_staff_and_member_pages(browser, live_server, data):
    from quartier.accounts.tests.factories import UserFactory
    from quartier.community import services
    from quartier.community.tests.factories import MembershipFactory

    club = data["club"]
    MembershipFactory(organisation=club, user=data["resident"], verified_at=None)
    conversation = services.conversation_start(
        starter=data["resident"],
        organisation=club,
        subject="Frage",
        body="Probetraining?",
    )
    team_member = UserFactory(groups=[club.quarters.first().team])

    member = browser.new_context()
    _login(member, live_server, data["rep"])
    page = member.new_page()
    page.goto(live_server.url + club.get_absolute_url() + "bearbeiten/")
    _axe_clean(page)
    page.fill("#id_website", "kein link")
    page.click("form button[type=submit]")
    assert page.locator("#form-errors").count() == 1
    _axe_clean(page)
    page.goto(live_server.url + conversation.get_absolute_url())
    _axe_clean(page)
    page.click("form button[type=submit]")  # empty reply: error state
    assert page.locator("#form-errors").count() == 1
    _axe_clean(page)
    page.goto(live_server.url + "/nachrichten/")
    _axe_clean(page)
    member.close()

    staff = browser.new_context()
    _login(staff, live_server, team_member)
    page = staff.new_page()
    for path in ("/akteure/anfragen/", "/wirtschaft/leerstand/verlauf/"):
        page.goto(live_server.url + path)
        _axe_clean(page)
        _one_h1_no_overflow(page)
    staff.close()
