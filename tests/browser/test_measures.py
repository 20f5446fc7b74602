"""Journey: a resident finds the Schinkel action plan, a measure, the map and the check."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(live_server, tmp_path):
    from django.core.management import call_command

    call_command(
        "seed_demo",
        password_file=str(tmp_path / "pw.txt"),
        stdout=open("/dev/null", "w", encoding="utf-8"),
    )
    return live_server.url


def _no_axe_violations(page: Page) -> None:
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_resident_finds_plan_measure_finance_and_checks_address(page: Page, site):
    page.goto(f"{site}/quartiere/schinkel/")
    page.get_by_role("link", name="Zum Handlungskonzept").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Integriertes Handlungskonzept"
    )
    _no_axe_violations(page)

    page.get_by_role("link", name="Großspielplatz im Hasepark").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Großspielplatz im Hasepark"
    )
    expect(page.get_by_text("Nach Mittelgeber")).to_be_visible()
    _no_axe_violations(page)

    page.goto(f"{site}/massnahmen/schinkel/finanzen/")
    expect(page.locator("#finance-by-year")).to_be_visible()
    _no_axe_violations(page)

    page.goto(f"{site}/massnahmen/schinkel/karte/")
    expect(page.get_by_role("link", name="Großspielplatz im Hasepark")).to_be_visible()
    _no_axe_violations(page)

    page.goto(f"{site}/massnahmen/schinkel/adresse-pruefen/")
    page.get_by_label("Straße und Hausnummer").fill("Heiligenweg 40")
    page.get_by_role("button", name="Adresse prüfen").click()
    expect(page.get_by_role("status")).to_contain_text("Ja.")
    _no_axe_violations(page)

    # One live server per module: the flush after a transactional test drops the
    # page tree's root, so the 320px check shares this test.
    page.set_viewport_size({"width": 320, "height": 800})
    for path in (
        "/massnahmen/schinkel/",
        "/massnahmen/schinkel/liste/",
        "/massnahmen/schinkel/zeitplan/",
        "/massnahmen/schinkel/finanzen/",
        "/massnahmen/m/1/",
    ):
        page.goto(site + path)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth > document.documentElement.clientWidth"
        )
        assert not overflow, path
