"""Guards over every public page of the demo, in German and in English.

Numbers that machines read (SVG geometry, number inputs, data attributes, JSON-LD)
must never be localized; htmx attributes are written as valid `data-hx-*`; no inline
style, script or event handler (the CSP refuses them and logs an error); no link
with white space in its URL.
"""

import pytest

from .crawl import crawl, parse

# German is crawled whole: decimal commas only show there. English pages share the
# templates, so a few pages of each kind are enough to check the markup.
CRAWLS = {"de": ("/", None), "en": ("/en/", 3)}


def test_every_page_renders_machine_numbers_and_valid_attributes(
    demo, client, record_property
):
    problems = []
    for language, (start, per_kind) in CRAWLS.items():
        pages = crawl(client, start, per_kind=per_kind)
        problems += [p for page in pages for p in page.problems]
        # The guard only proves something if it saw the maps, charts and timelines.
        paths = {page.path for page in pages}
        prefix = start.rstrip("/")
        assert len(pages) > (200 if per_kind is None else 50), language
        assert sum(page.svgs > 1 for page in pages) > 10, language
        assert any(p.startswith(f"{prefix}/mitmachen/ideen/") for p in paths)
        assert any(p.startswith(f"{prefix}/massnahmen/") for p in paths)
        record_property(
            f"{language}_figures",
            f"{len(pages)} pages, {sum(page.svgs for page in pages)} SVGs, "
            f"{sum(page.numbers_checked for page in pages)} numbers checked",
        )
    assert not problems, "\n".join(problems[:40])


@pytest.mark.parametrize(
    ("markup", "problem"),
    [
        ('<svg viewBox="0 0 10 10"><circle cx="265,1" cy="3" r="8"/></svg>', "cx"),
        ('<svg viewBox="0 0 10,5 10"></svg>', "viewbox"),
        ('<svg><path d="M1,5 2 L3 4"/></svg>', "decimal comma"),
        ('<svg><polygon points="1,5,2 3,4"/></svg>', "x,y pairs"),
        ('<input type="number" step="0,01">', "step"),
        ('<div data-lat="52,27">', "localized number"),
        ('<form hx-post="/x/">', "data-hx-post"),
        ('<p style="color: red">', "inline styles"),
        ('<button onclick="go()">', "event handlers"),
        ("<script>alert(1)</script>", "inline <script>"),
        (
            '<script type="application/ld+json">{"latitude": "52,2"}</script>',
            "latitude",
        ),
        ('<script type="application/ld+json">{"a": </script>', "does not parse"),
        ('<a href="http://example.org/a b">', "white space"),
        ('<input autocomplete="street-address">', "textarea"),
    ],
)
def test_the_parser_catches_each_kind_of_fault(markup, problem):
    page = parse("/x/", markup)
    assert len(page.problems) == 1, page.problems
    assert problem in page.problems[0]


def test_the_parser_accepts_machine_numbers():
    page = parse(
        "/x/",
        '<svg viewBox="0 0 600 543.5"><circle cx="265.1" cy="-3e2" r="8"/>'
        '<polygon points="1.5,2 3,4"/><path d="M1.5 2L3 4Z"/><rect width="50%"/></svg>'
        '<form data-hx-post="/x/"></form><input type="number" step="0.01">'
        '<script type="application/ld+json">{"latitude": 52.27}</script>',
    )
    assert page.problems == []
    assert page.svgs == 1
