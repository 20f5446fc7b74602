"""Walk the rendered demo with Django's test client and parse what browsers and machines read.

Used by the page guards in `test_rendered_pages.py`: whatever a template renders on
any public page is checked, not only the pages someone remembered to test.
"""

from __future__ import annotations

import json
import re
from collections import Counter, deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

# Not pages: files, feeds, the API, the admin, and links that change state or log out.
SKIP = re.compile(
    r"^/(en/)?(admin|api|static|media|documents|konto/logout)/|"
    r"\.(ics|xml|csv|xlsx|json|geojson|pdf|png|jpe?g|svg|txt)$|/feed/$|/ical/$"
)
# Filter links multiply pages without new markup; a few of each path are enough.
QUERY_VARIANTS_PER_PATH = 3

# Attributes whose value is one number (SVG geometry, sizes); localized, "265,1" breaks them.
NUMBER_ATTRIBUTES = {
    "cx", "cy", "r", "rx", "ry", "x", "y", "x1", "y1", "x2", "y2", "dx", "dy",
    "width", "height", "stroke-width", "opacity", "font-size",
}  # fmt: skip
# Attributes that are lists of numbers separated by spaces (and commas in points/d).
NUMBER_LIST_ATTRIBUTES = {"viewbox"}
LOCALIZED_DECIMAL = re.compile(r"^-?\d{1,3}(\.\d{3})*,\d+$|^-?\d+,\d+$")
INPUT_NUMBER_ATTRIBUTES = {"min", "max", "step", "value"}


@dataclass
class Page:
    path: str
    html: str
    svgs: int = 0
    numbers_checked: int = 0
    problems: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


class _PageParser(HTMLParser):
    """Collects links and every problem a browser or a machine reader would trip over."""

    def __init__(self, page: Page):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.svg_depth = 0
        self.in_json_ld = False
        self.in_inline_script = False
        self.script_text: list[str] = []

    def problem(self, text: str) -> None:
        self.page.problems.append(f"{self.page.path} line {self.getpos()[0]}: {text}")

    def handle_starttag(self, tag, attrs):
        self._check_element(tag, attrs, closes=False)

    def handle_startendtag(self, tag, attrs):
        self._check_element(tag, attrs, closes=True)

    def _check_element(self, tag, attrs, *, closes):
        values = dict(attrs)
        for name, value in attrs:
            self._check_attribute(tag, name, value or "", values)
        if tag == "a" and (href := values.get("href")):
            if re.search(r"\s", href.strip()):
                self.problem(f"<a href> with white space: {href!r}")
            self.page.links.append(href)
        if tag == "svg" and not closes:
            self.page.svgs += 1 if self.svg_depth == 0 else 0
            self.svg_depth += 1
        if tag == "script" and not closes:
            if values.get("type") == "application/ld+json":
                self.in_json_ld = True
            elif "src" not in values:
                self.in_inline_script = True
                self.problem("inline <script> (the CSP refuses it)")
            self.script_text = []

    def _check_attribute(self, tag, name, value, values):
        if name.startswith("hx-"):
            self.problem(f"<{tag} {name}>: not valid HTML, write data-{name}")
        if name == "style":
            self.problem(f'<{tag} style="{value}">: the CSP refuses inline styles')
        if name.startswith("on"):
            self.problem(f"<{tag} {name}>: the CSP refuses inline event handlers")
        if self.svg_depth or tag == "svg":
            if name in NUMBER_ATTRIBUTES and not value.endswith("%"):
                self.page.numbers_checked += 1
                if not _is_number(value):
                    self.problem(f'<{tag} {name}="{value}"> is not a number')
            elif name in NUMBER_LIST_ATTRIBUTES:
                self.page.numbers_checked += 1
                if not all(_is_number(part) for part in value.split()):
                    self.problem(f'<{tag} {name}="{value}"> is not a list of numbers')
            elif name == "points":
                self.page.numbers_checked += 1
                # Pairs are written "x,y x,y"; a decimal comma adds a second comma.
                if not all(
                    len(pair.split(",")) == 2 and all(map(_is_number, pair.split(",")))
                    for pair in value.split()
                ):
                    self.problem(f'<{tag} points="{value}"> is not a list of x,y pairs')
            elif name == "d" and re.search(r"\d,\d", value):
                # Paths are written with spaces only, so a comma is a decimal comma.
                self.problem(f'<{tag} d="{value[:60]}…"> holds a decimal comma')
        if name.startswith("data-") and LOCALIZED_DECIMAL.match(value):
            self.problem(f'<{tag} {name}="{value}"> is a localized number')
        if tag == "input" and name == "autocomplete" and value == "street-address":
            self.problem('<input autocomplete="street-address">: only for <textarea>')
        if (
            tag == "input"
            and values.get("type") in {"number", "range"}
            and name in INPUT_NUMBER_ATTRIBUTES
            and value
        ):
            self.page.numbers_checked += 1
            if not _is_number(value):
                self.problem(f'<input {name}="{value}"> is not a number')

    def handle_endtag(self, tag):
        if tag == "svg" and self.svg_depth:
            self.svg_depth -= 1
        if tag == "script":
            if self.in_json_ld:
                self._check_json_ld("".join(self.script_text))
            self.in_json_ld = self.in_inline_script = False

    def handle_data(self, data):
        if self.in_json_ld:
            self.script_text.append(data)

    def _check_json_ld(self, text: str) -> None:
        try:
            data = json.loads(text)
        except ValueError as error:
            self.problem(f"JSON-LD does not parse: {error}")
            return
        for key, value in _walk(data):
            if key in {"latitude", "longitude", "price"} and not isinstance(
                value, int | float
            ):
                if not (isinstance(value, str) and _is_number(value)):
                    self.problem(f"JSON-LD {key}={value!r} is not a number")
            self.page.numbers_checked += key in {"latitude", "longitude", "price"}


def _walk(data):
    if isinstance(data, dict):
        for key, value in data.items():
            yield key, value
            yield from _walk(value)
    elif isinstance(data, list):
        for item in data:
            yield from _walk(item)


def parse(path: str, html: str) -> Page:
    page = Page(path=path, html=html)
    parser = _PageParser(page)
    parser.feed(html)
    parser.close()
    return page


def _kind(path: str) -> str:
    """`/mitmachen/ideen/31/` and `/mitmachen/ideen/32/` are pages of one kind."""
    parts = path.strip("/").split("/")
    return "/".join([*parts[:-1], "*"]) if len(parts) > 1 else path


def crawl(
    client, start: str, *, limit: int = 1500, per_kind: int | None = None
) -> list[Page]:
    """Every same-origin HTML page reachable from `start` (status 200), parsed.

    `per_kind` visits only that many pages of each kind (same path but the last part).
    """
    queue, seen, pages = deque([start]), {start}, []
    variants: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    while queue and len(pages) < limit:
        path = queue.popleft()
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response.get(
            "Content-Type", ""
        ):
            continue
        page = parse(path, response.content.decode())
        pages.append(page)
        for href in page.links:
            url = urlsplit(urljoin(path, href))
            if url.scheme not in {"", "http"} or url.netloc not in {"", "testserver"}:
                continue
            target = url.path + (f"?{url.query}" if url.query else "")
            if target in seen or SKIP.search(url.path):
                continue
            if url.query:
                if variants[url.path] >= QUERY_VARIANTS_PER_PATH:
                    continue
                variants[url.path] += 1
            elif per_kind is not None:
                if kinds[_kind(url.path)] >= per_kind:
                    continue
                kinds[_kind(url.path)] += 1
            seen.add(target)
            queue.append(target)
    return pages
