"""Guard: the main pages log nothing to the console, in German and in English.

The strict CSP turns every inline style or script into a console error; so do
scripts that fail. The static half of this guard (no inline code in any rendered
page) is `quartier/core/tests/test_rendered_pages.py`; this one asks the browser.
"""

import pytest
from playwright.sync_api import expect

from quartier.events.models import Event
from quartier.measures.models import Measure
from quartier.participation.models import Idea

pytestmark = pytest.mark.browser

PAGES = [
    "/",
    "/quartiere/",
    "/quartiere/dodesheide/",
    "/veranstaltungen/",
    "/veranstaltungen/kalender/",
    "/veranstaltungen/karte/",
    "/mitmachen/ideen/",
    "/mitmachen/ideen/?quartier=dodesheide",
    "/massnahmen/",
    "/akteure/",
    "/nachbarschaftshilfe/",
    "/engagement/",
    "/wirtschaft/",
    "/verfuegungsfonds/",
    "/konto/login/",
]

# Violations reach the console only as text; this records what and where as well.
RECORD_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP ${event.violatedDirective} ${event.sourceFile}:${event.lineNumber}`);
});
"""


def test_main_pages_log_no_console_errors_in_any_language(
    page, demo_site, console_problems
):
    page.add_init_script(RECORD_CSP_VIOLATIONS)
    details = [
        Idea.objects.visible().filter(longitude__isnull=False).first(),
        Event.objects.published().first(),
        Measure.objects.public().first(),
    ]
    paths = PAGES + [obj.get_absolute_url() for obj in details]
    seen = []
    for language in ("de", "en"):
        for path in paths:
            url = demo_site + (f"/en{path}" if language == "en" else path)
            page.goto(url)
            expect(page.locator("main")).to_have_count(1)
            page.wait_for_load_state("networkidle")
            seen.extend(f"{url}: {problem}" for problem in console_problems)
            console_problems.clear()
    assert seen == []
