"""Every htmx form, submitted with JavaScript on: valid and invalid.

After each swap the page is still one page (one header, one <h1>, one <main>), focus
sits on the message or the error summary, and axe finds nothing. Each test names the
form it covers with `htmx_form(url name, case)`; `quartier/core/tests/test_htmx_forms.py`
fails when a template gains an htmx form that no test here names.
"""

from decimal import Decimal

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from playwright.sync_api import expect

from quartier.events.models import Registration
from quartier.events.tests.factories import EventFactory
from quartier.funds.models import Status
from quartier.funds.tests.factories import FundApplicationFactory, FundFactory
from quartier.participation import services as participation_services
from quartier.participation.models import Support
from quartier.participation.tests.factories import IdeaFactory

pytestmark = pytest.mark.browser


def _no_axe_violations(page):
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def _still_one_page(page):
    """The swap put a part into the page, not a second page into a box."""
    expect(page.locator("header.site-header")).to_have_count(1)
    expect(page.locator("main")).to_have_count(1)
    expect(page.get_by_role("heading", level=1)).to_have_count(1)


def _login(page, live_server, client, user):
    client.force_login(user)
    page.context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": live_server.url,
            }
        ]
    )


@pytest.fixture
def event(quarter):
    return EventFactory(
        quarters=[quarter], title="Nähcafé", registration_enabled=True, capacity=5
    )


@pytest.mark.htmx_form("events:register", "valid")
def test_event_registration_swaps_the_box_and_focuses_the_message(
    page, live_server, event, console_problems
):
    page.goto(live_server.url + event.get_absolute_url())
    page.get_by_label("Ihr Name").fill("Erika Mustermann")
    page.get_by_label("E-Mail-Adresse").fill("erika@example.org")
    page.get_by_label("Ich bin einverstanden").check()
    with page.expect_response(lambda r: r.request.method == "POST") as answer:
        page.get_by_role("button", name="Verbindlich anmelden").click()
    assert answer.value.status == 200  # the box itself, never a redirect
    message = page.locator("#registration [data-swap-focus]")
    expect(message).to_contain_text("Fast geschafft")
    expect(message).to_be_focused()
    _still_one_page(page)
    assert page.url == live_server.url + event.get_absolute_url()
    assert Registration.objects.get().email == "erika@example.org"
    _no_axe_violations(page)
    assert console_problems == []


@pytest.mark.htmx_form("events:register", "invalid")
def test_event_registration_errors_swap_the_box_and_focus_the_summary(
    page, live_server, event, console_problems
):
    page.goto(live_server.url + event.get_absolute_url())
    page.get_by_label("Ihr Name").fill("Erika Mustermann")
    page.get_by_label("E-Mail-Adresse").fill("keine-adresse")
    page.get_by_role("button", name="Verbindlich anmelden").click()
    summary = page.locator("#registration #form-errors")
    expect(summary).to_contain_text("E-Mail-Adresse")
    expect(summary).to_be_focused()
    expect(page.get_by_label("Ihr Name")).to_have_value("Erika Mustermann")
    _still_one_page(page)
    assert not Registration.objects.exists()
    _no_axe_violations(page)
    assert console_problems == []


@pytest.fixture
def idea(quarter):
    return IdeaFactory(quarter=quarter, title="Mehr Bänke am Hasepark")


@pytest.mark.htmx_form("participation:idea_support", "valid")
def test_supporting_an_idea_swaps_the_box_and_focuses_the_thanks(
    page, live_server, client, idea, resident, console_problems
):
    _login(page, live_server, client, resident)
    page.goto(live_server.url + idea.get_absolute_url())
    page.get_by_role("button", name="Idee unterstützen").click()
    message = page.locator("#support [data-swap-focus]")
    expect(message).to_contain_text("Danke für Ihre Unterstützung")
    expect(message).to_be_focused()
    expect(
        page.get_by_role("button", name="Unterstützung zurückziehen")
    ).to_be_visible()
    expect(page.locator("#support")).to_contain_text("1 Person unterstützt")
    _still_one_page(page)
    assert Support.objects.filter(idea=idea, user=resident).exists()
    _no_axe_violations(page)
    assert console_problems == []


@pytest.mark.htmx_form("participation:idea_support", "invalid")
def test_supporting_twice_says_so_and_a_lost_session_goes_to_the_login(
    page, live_server, client, idea, resident, console_problems
):
    _login(page, live_server, client, resident)
    page.goto(live_server.url + idea.get_absolute_url())
    # Supported meanwhile in another tab: the button on this page is out of date.
    participation_services.idea_support(idea=idea, user=resident)
    page.get_by_role("button", name="Idee unterstützen").click()
    message = page.locator("#support [data-swap-focus]")
    expect(message).to_contain_text("Sie unterstützen diese Idee bereits")
    expect(message).to_be_focused()
    _still_one_page(page)
    _no_axe_violations(page)

    # Logged out meanwhile: the login page replaces the page, not the box.
    page.context.clear_cookies(name="sessionid")
    page.get_by_role("button", name="Unterstützung zurückziehen").click()
    page.wait_for_url("**/konto/login/**")
    _still_one_page(page)
    assert Support.objects.filter(idea=idea, user=resident).exists()
    assert console_problems == []


@pytest.fixture
def draft(quarter, resident):
    fund = FundFactory(quarter=quarter, slug="schinkel")
    return FundApplicationFactory(
        fund=fund, applicant=resident, title="Straßenfest", costs=[Decimal("100")]
    )


def _autosave(page, action):
    """Autosave answers 204: nothing is swapped, focus stays where the person types."""
    with page.expect_response(
        lambda r: r.request.method == "POST" and r.request.header_value("hx-request")
    ) as answer:
        action()
    assert answer.value.status == 204


@pytest.mark.htmx_form("funds:application_edit", "valid")
def test_fund_application_autosaves_while_typing(
    page, live_server, client, draft, resident, console_problems
):
    _login(page, live_server, client, resident)
    page.goto(live_server.url + reverse("funds:application_edit", args=[draft.pk]))
    title = page.get_by_label("Titel des Projekts")
    _autosave(page, lambda: (title.fill("Straßenfest am Hasepark"), title.blur()))
    draft.refresh_from_db()
    assert draft.title == "Straßenfest am Hasepark"
    assert draft.status == Status.DRAFT
    _still_one_page(page)
    _no_axe_violations(page)
    assert console_problems == []


@pytest.mark.htmx_form("funds:application_edit", "invalid")
def test_fund_application_autosave_keeps_what_is_valid(
    page, live_server, client, draft, resident, console_problems
):
    _login(page, live_server, client, resident)
    page.goto(live_server.url + reverse("funds:application_edit", args=[draft.pk]))
    amount = page.get_by_label("Zeile 2: Betrag in Euro")
    page.get_by_label("Zeile 2: wofür?").fill("Getränke")
    page.get_by_label("Kurzbeschreibung").fill("Ein Fest für alle.")
    _autosave(page, lambda: (amount.fill("-5"), amount.blur()))
    draft.refresh_from_db()
    assert draft.summary == "Ein Fest für alle."  # kept although row 2 is wrong
    assert [item.description for item in draft.cost_items.all()] == ["Posten 0"]
    # The error is not swapped in while typing; saving the form shows it.
    page.get_by_role("button", name="Entwurf speichern").click()
    expect(page.get_by_role("alert").first).to_contain_text("Zeile 2")
    _still_one_page(page)
    _no_axe_violations(page)
    assert console_problems == []
