"""The resident's first journey: the overview, every quarter page, the accessibility page.

Checks what only a browser can: axe (WCAG 2.2 A/AA), no horizontal scrolling at
320 px and at 200 % zoom, pages without JavaScript, no CSP violation in the console.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

# WCAG 2.2 adds target size (2.5.8): the small "Passwort vergessen?" link failed it.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
AXE = Axe()

QUARTER_NAMES = {
    "/quartiere/dodesheide/": "Stadtquartier Dodesheide",
    "/quartiere/rosenplatz/": "Stadtquartier Rosenplatz",
    "/quartiere/schinkel/": "Sanierungsgebiet Schinkel",
    "/quartiere/nette-quartier/": "Nette-Quartier",
}
# Every page type a resident meets first, in both languages where it matters.
PAGES = [
    "/",
    "/en/",
    "/quartiere/",
    *QUARTER_NAMES,
    "/en/quartiere/schinkel/",
    "/quartiere/schinkel/aktuelles/",
    "/barrierefreiheit/",
]


def assert_accessible(page: Page) -> None:
    results = AXE.run(
        page,
        options={
            "runOnly": {"type": "tag", "values": WCAG_TAGS},
            "resultTypes": ["violations"],
        },
    )
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


def horizontal_overflow(page: Page) -> int:
    """Pixels the page is wider than the viewport (0 when nothing scrolls sideways)."""
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def test_overview_leads_to_every_quarter_page(demo_site, page, console_problems):
    page.goto(demo_site + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Stadtquartiere und Quartiersarbeit"
    )
    expect(
        page.get_by_role("group", name="Karte der Stadt mit den Quartieren")
    ).to_be_visible()
    more = page.get_by_role("link", name="Mehr erfahren")
    expect(more).to_have_count(4)
    assert_accessible(page)

    hrefs = [more.nth(i).get_attribute("href") for i in range(4)]
    assert sorted(hrefs) == sorted(QUARTER_NAMES)
    for index, href in enumerate(hrefs):
        page.goto(demo_site + "/")
        page.get_by_role("link", name="Mehr erfahren").nth(index).click()
        expect(page).to_have_url(demo_site + href)
        name = QUARTER_NAMES[href]
        expect(page.get_by_role("heading", level=1)).to_have_text(name)
        expect(page.locator("h1")).to_have_count(1)
        expect(
            page.get_by_role("img", name=f"Karte: Gebiet {name}", exact=True)
        ).to_be_visible()
        expect(page.locator("figure.map svg path.map__quarter--active")).to_have_count(
            1
        )
        assert_accessible(page)

    assert console_problems == []


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/en/", "City quarters and neighbourhood work"),
        ("/quartiere/", "Quartiere"),
        ("/barrierefreiheit/", "Erklärung zur Barrierefreiheit"),
        ("/konto/login/", "Anmeldung"),
    ],
)
def test_more_pages_pass_axe(demo_site, page, console_problems, path, heading):
    page.goto(demo_site + path)
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    assert_accessible(page)
    assert console_problems == []


def test_accessibility_feedback_form(demo_site, page, console_problems):
    from quartier.cms.models import Feedback

    page.goto(demo_site + "/barrierefreiheit/")
    send = page.get_by_role("button", name="Nachricht senden")

    send.click()
    errors = page.get_by_role("alert")
    expect(errors).to_contain_text("Bitte prüfen Sie Ihre Angaben")
    message = page.get_by_label("Ihre Nachricht")
    expect(message).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)
    assert not Feedback.objects.exists()

    message.fill(
        "Die Karte auf der Seite Schinkel ist mit der Tastatur schwer zu bedienen."
    )
    page.get_by_label("Ihre E-Mail-Adresse").fill("erika@example.org")
    page.get_by_role("button", name="Nachricht senden").click()
    expect(page.get_by_role("status")).to_contain_text(
        "Danke! Ihre Nachricht ist angekommen."
    )
    expect(page).to_have_url(demo_site + "/barrierefreiheit/")
    feedback = Feedback.objects.get()
    assert feedback.kind == Feedback.Kind.ACCESSIBILITY
    assert feedback.email == "erika@example.org"
    assert "Tastatur" in feedback.message
    assert console_problems == []


@pytest.mark.parametrize(
    ("width", "scale"),
    [(320, 1), (640, 2)],  # 640 px at scale 2: a 1280 px screen zoomed to 200 %
    ids=["320px", "zoom200"],
)
def test_no_horizontal_scrolling(demo_site, new_context, width, scale):
    page = new_context(
        viewport={"width": width, "height": 800}, device_scale_factor=scale
    ).new_page()
    wide = {}
    for path in PAGES:
        page.goto(demo_site + path)
        expect(page.locator("h1")).to_be_visible()
        if overflow := horizontal_overflow(page):
            wide[path] = overflow
    assert wide == {}, "pages wider than the viewport (px)"


def test_pages_work_without_javascript(demo_site, new_context):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(demo_site + "/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_role("link", name="Mehr erfahren")).to_have_count(4)
    expect(page.get_by_role("navigation", name="Hauptnavigation")).to_be_visible()

    page.get_by_role("link", name="Mehr erfahren").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Stadtquartier Dodesheide"
    )
    expect(
        page.get_by_role("img", name="Karte: Gebiet Stadtquartier Dodesheide")
    ).to_be_visible()
    expect(page.get_by_role("heading", name="Vor Ort")).to_be_visible()

    page.get_by_role("link", name="Barriere melden").click()
    page.get_by_label("Ihre Nachricht").fill("Ohne JavaScript getestet.")
    page.get_by_role("button", name="Nachricht senden").click()
    expect(page.get_by_role("status")).to_contain_text("Danke!")


def test_console_watch_sees_csp_violations(demo_site, page, console_problems):
    """The CSP checks above can fail: Chromium reports a refused inline style."""
    page.goto(demo_site + "/")
    with page.expect_console_message(
        lambda message: "Content Security Policy" in message.text
    ) as refused:
        page.evaluate("document.body.setAttribute('style', 'color: red')")
    assert refused.value.type == "error"
    assert refused.value.text in console_problems


def test_keyboard_skip_link_and_visible_focus(demo_site, page):
    page.goto(demo_site + "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Zum Inhalt springen")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()

    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    expect(focused).to_have_count(1)
    expect(focused).to_be_in_viewport()
    outline = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, parseFloat(s.outlineWidth), s.boxShadow]; }"
    )
    style, width, shadow = outline
    assert (style != "none" and width >= 2) or shadow != "none", outline
