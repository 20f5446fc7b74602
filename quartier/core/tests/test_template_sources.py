"""Guard over the template sources, for the pages a crawl cannot reach (logged in, staff).

htmx attributes are written as `data-hx-*` (valid HTML, htmx reads both); no inline
style, script or event handler, since the CSP refuses them.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings

TEMPLATES = sorted((Path(settings.BASE_DIR) / "quartier").rglob("templates/**/*.html"))
RULES = {
    "write htmx attributes as data-hx-*": re.compile(r"(?<![\w-])hx-[a-z-]+="),
    "no inline style (CSP)": re.compile(r"\sstyle=|<style\b"),
    "no inline event handler (CSP)": re.compile(r"\son[a-z]+=\s*[\"']"),
    # JSON data blocks (JSON-LD, Swagger's settings) are data, never run: allowed.
    "no inline script (CSP)": re.compile(
        r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>"
    ),
}


def _findings(text: str) -> list[str]:
    return [rule for rule, pattern in RULES.items() if pattern.search(text)]


def test_templates_hold_no_invalid_or_inline_markup():
    problems = [
        f"{path.relative_to(settings.BASE_DIR)}: {rule}"
        for path in TEMPLATES
        for rule in _findings(path.read_text(encoding="utf-8"))
    ]
    assert len(TEMPLATES) > 50
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("markup", "rule"),
    [
        ('<form hx-post="/a/">', "data-hx"),
        ('<p style="color: red">', "style"),
        ("<style>p{}</style>", "style"),
        ("<button onclick='go()'>", "event handler"),
        ("<script>go()</script>", "script"),
    ],
)
def test_each_rule_catches_its_fault(markup, rule):
    assert any(rule in finding for finding in _findings(markup))


def test_the_rules_let_valid_markup_pass():
    assert not _findings(
        '<form data-hx-post="/a/" data-hx-swap="none"><script src="/x.js"></script>'
        '<script type="application/ld+json">{}</script>'
        '<script type="application/json" id="settings">{}</script>'
    )
