"""Crawl the site in one interface language and report pages that leave it.

Used by `tests/test_language_crawl.py` (Django test client, seeded demo) and
runnable against a running demo: `python tests/language_crawl.py http://127.0.0.1:8200`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

PREFIXES = {"de": "/", "en": "/en/"}
# Hosts that are this site: the test client's, and the demo's (SITE_URL).
ORIGINS = {"", "testserver", "127.0.0.1", "localhost"}
# Paths that are the same in every language: files, the API, the admin.
NEUTRAL = ("/static/", "/media/", "/api/", "/dokumente/", "/admin/")
# Not HTML pages, or pages that only redirect; their links are not followed.
SKIP = re.compile(r"(\.ics|\.csv|\.xlsx|\.geojson|\.json|/feed/?|/logout/)$")

# German words of the interface that must never show on an English page.
# Text written by people (idea texts, event descriptions, organisation profiles)
# stays German and is not marked up as such yet, so these are searched in two
# places: INTERFACE_WORDS in the whole visible text (they occur in no demo
# content), DATE_WORDS only in elements that the interface alone fills (<time>,
# <option>, <label>, <th>, <dt>, <button>, <caption>, <legend>, <summary>).
# Parts marked lang="de" (German fallbacks of `|translated`) are skipped.
INTERFACE_WORDS = [
    "Uhr",
    "Person/en",
    "ganztägig",
    "Ebenerdiger",
    "entscheidet",
    "Jury des",
    "Mehr erfahren",
    "Anmelden",
    "Abmelden",
    "Zurück",
    "Öffnungszeiten",
    "Jetzt geöffnet",
    "Jetzt geschlossen",
    "Zielgruppen",
    "Veranstaltungen",
    "Maßnahmen",
    "Alle",
    "Ältere Menschen",
    "Türkisch",
    "Arabisch",
    "Pflichtfeld",
    "ausgebucht",
    "einreichen bis",
]
DATE_WORDS = [
    "Januar",
    "Februar",
    "März",
    "Juni",
    "Juli",
    "Oktober",
    "Dezember",
    "Montag",
    "Dienstag",
    "Mittwoch",
    "Donnerstag",
    "Freitag",
    "Samstag",
    "Sonntag",
    "Mo",
    "Di",
    "Mi",
    "Do",
    "Fr",
    "Sa",
    "So",
    "etwa",
    "Personen",
    "Plätze",
    "Sprachen",
    "Deutsch",
]


def _words(words: list[str]) -> re.Pattern:
    return re.compile(
        r"(?<![\w/])(" + "|".join(re.escape(w) for w in words) + r")(?![\w/])"
    )


INTERFACE_PATTERN = _words(INTERFACE_WORDS)
DATE_PATTERN = _words(DATE_WORDS + INTERFACE_WORDS)
# (not <th>: row headers of the measures tables hold their titles and summaries)
INTERFACE_TAGS = {"time", "option", "label", "dt", "button", "caption", "legend",
                  "summary"}  # fmt: skip


@dataclass
class Page:
    path: str
    status: int
    lang: str | None = None
    links: list[str] = field(default_factory=list)  # same-origin, switcher aside
    actions: list[str] = field(default_factory=list)  # form targets: checked only
    text: str = ""  # visible text outside lang="de" parts
    ui_text: str = ""  # of that, what is inside INTERFACE_TAGS


@dataclass
class Finding:
    path: str
    problem: str


class _PageParser(HTMLParser):
    """Collects <html lang>, same-origin links and the interface's visible text."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
            "meta", "source", "track", "wbr"}  # fmt: skip
    INVISIBLE = {"script", "style", "template", "title", "head"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.links: list[str] = []
        self.actions: list[str] = []
        self.text: list[str] = []
        self.ui_text: list[str] = []
        # one entry per open element: (tag, leaves-the-language, invisible)
        self.stack: list[tuple[str, bool, bool]] = []

    def _inside(self, index: int) -> bool:
        return any(entry[index] for entry in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        foreign = bool(attrs.get("lang")) and attrs.get("lang") != self.lang
        switcher = "lang-switch" in (attrs.get("class") or "").split()
        if tag == "a" and attrs.get("href"):
            if not (foreign or switcher or self._inside(1)):
                self.links.append(attrs["href"])
        if tag == "form" and attrs.get("action"):
            self.actions.append(attrs["action"])
        for name in ("placeholder", "aria-label", "title", "alt"):
            if attrs.get(name) and not (foreign or self._inside(1)):
                self.text.append(attrs[name])
        if tag == "input" and attrs.get("type") in {"submit", "button"}:
            self.text.append(attrs.get("value") or "")
        if tag not in self.VOID:
            self.stack.append((tag, foreign or switcher, tag in self.INVISIBLE))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if data.strip() and not self._inside(1) and not self._inside(2):
            self.text.append(data)
            if any(entry[0] in INTERFACE_TAGS for entry in self.stack):
                self.ui_text.append(data)


def _same_origin(path: str, hrefs: list[str]) -> list[str]:
    paths = []
    for href in hrefs:
        parts = urlsplit(urljoin(path, href))
        if parts.scheme in {"", "http", "https"} and parts.netloc in ORIGINS:
            if parts.path and not href.startswith("#"):
                paths.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return paths


def parse(path: str, status: int, html: str) -> Page:
    parser = _PageParser()
    parser.feed(html)
    return Page(
        path,
        status,
        parser.lang,
        _same_origin(path, parser.links),
        _same_origin(path, parser.actions),
        " ".join(parser.text),
        " ".join(parser.ui_text),
    )


def in_language(path: str, language: str) -> bool:
    if path.startswith(NEUTRAL):
        return True
    if language == "de":
        return not path.startswith(tuple(p for p in PREFIXES.values() if p != "/"))
    return path.startswith(PREFIXES[language])


def kind(link: str) -> str:
    """A filtered or paged list: its path with digits folded, and its parameter
    names ("/en/mitmachen/ideen/?kategorie&quartier")."""
    path, _, query = link.partition("?")
    names = sorted({part.partition("=")[0] for part in query.split("&")})
    return re.sub(r"\d+", "N", path) + "?" + "&".join(names)


def crawl(
    fetch: Callable[[str], tuple[int, str, str, str]],
    language: str,
    *,
    per_kind: int = 3,
    max_pages: int = 1500,
    german_terms: set[str] = frozenset(),
) -> tuple[list[Page], list[Finding]]:
    """Breadth-first from the language's home page through its own links.

    `fetch(path)` returns (status, content type, body, redirect target). A
    redirect counts as a link (it must stay in the language). Links to other
    languages are findings, never followed. Query-string variants (filters,
    pages of a list) count once per kind, at most `per_kind` times.
    """
    start = PREFIXES[language]
    queue, seen, kinds = [start], {start}, Counter()
    pages: list[Page] = []
    findings: list[Finding] = []
    while queue and len(pages) < max_pages:
        path = queue.pop(0)
        status, content_type, body, location = fetch(path)
        if 300 <= status < 400:
            page = Page(path, status, links=_same_origin(path, [location]))
        elif "html" not in content_type:
            continue
        else:
            page = parse(path, status, body)
            pages.append(page)
        if status >= 400:
            findings.append(Finding(path, f"status {status}"))
            continue
        if status < 300 and page.lang != language:
            findings.append(Finding(path, f"<html lang={page.lang!r}>"))
        for link in page.actions:
            if not in_language(link, language):
                findings.append(Finding(path, f"form sends to {link}"))
        for link in page.links:
            if not in_language(link, language):
                findings.append(Finding(path, f"links to {link}"))
                continue
            if link in seen or link.startswith(NEUTRAL):
                continue
            seen.add(link)
            if SKIP.search(link.split("?")[0]):
                continue
            # Every page once; of filtered and paged lists a few per kind.
            if "?" in link:
                kinds[kind(link)] += 1
                if kinds[kind(link)] > per_kind:
                    continue
            queue.append(link)
        if language == "en":
            words = set(INTERFACE_PATTERN.findall(page.text))
            words |= set(DATE_PATTERN.findall(page.ui_text))
            for match in sorted(words):
                findings.append(Finding(path, f"German word {match!r}"))
            terms = {t for t in german_terms if _words([t]).search(page.ui_text)}
            for term in sorted(terms):
                findings.append(Finding(path, f"German term {term!r}"))
    return pages, findings


if __name__ == "__main__":  # pragma: no cover - a tool for the running demo
    import sys
    import urllib.error
    import urllib.request

    base = sys.argv[1].rstrip("/")

    def fetch(path):
        try:
            with urllib.request.urlopen(base + path, timeout=120) as response:  # noqa: S310
                return (response.status, response.headers.get("Content-Type", ""),
                        response.read().decode(), "")  # fmt: skip
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Content-Type", ""), "", ""

    for language in sys.argv[2:] or PREFIXES:
        pages, findings = crawl(fetch, language)
        counts = Counter(f.problem for f in findings)
        for finding in findings:
            print(language, finding.path, finding.problem)  # noqa: T201
        print(f"{language}: {len(pages)} pages, {len(findings)} findings")  # noqa: T201
        for problem, n in counts.most_common(40):
            print(f"  {n:4} {problem}")  # noqa: T201
