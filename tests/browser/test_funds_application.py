"""Journey: a resident fills in a fund application, hits an error, submits, reads the status."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from quartier.accounts.models import User
from quartier.funds.models import Fund, FundApplication, Status

pytestmark = pytest.mark.browser


def _no_violations(page):
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def _login(page, base_url, client, user):
    client.force_login(user)
    page.context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": base_url,
            }
        ]
    )


def test_apply_with_error_then_submit(demo_site, page, client, console_problems):
    fund = Fund.objects.get(slug="schinkel")
    resident = User.objects.get(email="erika@quartier.example")
    _login(page, demo_site, client, resident)

    page.goto(demo_site + fund.get_absolute_url())
    _no_violations(page)
    page.get_by_role("button", name="Antrag stellen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ihr neuer Antrag")
    page.wait_for_load_state("networkidle")
    _no_violations(page)

    page.get_by_label("Titel des Projekts").fill("Straßenfest")
    page.get_by_label("Zeile 1: wofür?").fill("Bühne")
    page.get_by_label("Zeile 1: Betrag in Euro").fill("500")
    page.get_by_label("Zeile 2: wofür?").fill("Getränke")
    page.get_by_role("button", name="Speichern und einreichen").click()
    # Error state: the missing amount is named, everything else is kept.
    expect(page.get_by_role("alert").first).to_contain_text("Zeile 2")
    expect(page.get_by_label("Titel des Projekts")).to_have_value("Straßenfest")
    _no_violations(page)

    page.get_by_label("Zeile 2: Betrag in Euro").fill("300")
    page.get_by_label("Kurzbeschreibung").fill("Ein Fest für die Straße.")
    page.get_by_label("Was haben Sie vor?").fill("Musik und Spiele.")
    page.get_by_label("Themenfeld").select_option("culture")
    page.get_by_label("Ansprechperson").fill("Erika Mustermann")
    page.get_by_label("Anschrift").fill("Tannenburgstraße 1, 49084 Osnabrück")
    page.get_by_role("button", name="Speichern und einreichen").click()
    expect(
        page.get_by_role("heading", level=2, name="Stand: eingereicht")
    ).to_be_visible()
    expect(page.get_by_text("Wie geht es weiter?")).to_be_visible()
    _no_violations(page)
    submitted = FundApplication.objects.filter(applicant=resident).latest("pk")
    assert submitted.status == Status.SUBMITTED
    assert console_problems == []
