"""Journey: a resident reads the quarter's figures, the time series, the map and the catalogue."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _no_axe_violations(page: Page) -> None:
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_resident_reads_figures_chart_map_and_catalogue(
    page: Page, demo_site, console_problems
):
    page.goto(f"{demo_site}/quartiere/schinkel/")
    panel = page.locator("section.quarter-figures")
    expect(panel.get_by_role("heading", name="Das Quartier in Zahlen")).to_be_visible()
    panel.get_by_role("link", name="Alle Zahlen zum Quartier").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Sanierungsgebiet Schinkel in Zahlen"
    )
    expect(page.locator("#area-figures")).to_be_visible()
    _no_axe_violations(page)

    page.locator("#area-figures").get_by_role("link", name="Kinderarmut").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kinderarmut")
    expect(page.locator("figure.chart svg")).to_be_visible()
    _no_axe_violations(page)

    page.get_by_role("link", name="Auf der Karte").click()
    expect(page.get_by_label("Indikator")).to_have_value("kinderarmut")
    page.get_by_label("Klassenbildung").select_option("natuerlich")
    page.get_by_role("button", name="Karte zeigen").click()
    expect(page.locator("figure.map figcaption")).to_contain_text(
        "Klassenbildung: natürliche Klassengrenzen (Jenks)"
    )
    expect(page.locator("#map-values")).to_be_visible()
    _no_axe_violations(page)

    page.get_by_role("link", name="Indikatoren", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Indikatorenkatalog")
    _no_axe_violations(page)

    page.get_by_role("link", name="Übersicht und Index").click()
    expect(page.locator("#index-table")).to_be_visible()
    _no_axe_violations(page)
    assert console_problems == []
