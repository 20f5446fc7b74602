"""Quality gate for every public page of the demo: valid HTML, landmarks, strict CSP.

Plain Django test client, no browser: this runs in the normal suite. The demo is
seeded once per module inside a transaction that is rolled back at the end, so
the twenty-odd pages cost one seed instead of one each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin
from xml.etree.ElementTree import Element

import html5lib
import pytest
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import Client

# The marker makes pytest-django create the test database even when this module
# runs alone; the module fixture below writes to it outside any single test.
pytestmark = pytest.mark.django_db

QUARTER_SLUGS = ["dodesheide", "rosenplatz", "schinkel", "nette-quartier"]
LEGAL_SLUGS = ["impressum", "datenschutz", "barrierefreiheit", "kontakt"]

# (url, language the page must declare)
PUBLIC_PAGES = [
    ("/", "de"),
    ("/en/", "en"),
    ("/quartiere/", "de"),
    ("/en/quartiere/", "en"),
    *[(f"/quartiere/{slug}/", "de") for slug in QUARTER_SLUGS],
    *[(f"/en/quartiere/{slug}/", "en") for slug in QUARTER_SLUGS],
    ("/quartiere/schinkel/aktuelles/", "de"),
    ("/quartiere/schinkel/aktuelles/schinkelrunde/", "de"),
    *[(f"/{slug}/", "de") for slug in LEGAL_SLUGS],
    *[(f"/en/{slug}/", "en") for slug in LEGAL_SLUGS],
    ("/konto/login/", "de"),
    ("/en/konto/login/", "en"),
    ("/konto/signup/", "de"),
    ("/offene-daten/api/", "de"),
    ("/en/offene-daten/api/", "en"),
    ("/offene-daten/api/datenformate/", "de"),
]
PAGE_IDS = [url for url, _ in PUBLIC_PAGES]

MAX_OVERVIEW_BYTES = 150 * 1024


@dataclass
class Fetched:
    status: int
    headers: dict[str, str]
    html: bytes


@dataclass
class Site:
    pages: dict[str, Fetched]
    live_page_urls: set[str]


def _fetch_all() -> Site:
    from quartier.cms.models import QuarterPage, StandardPage

    client = Client()
    pages = {}
    for url, _ in PUBLIC_PAGES:
        response = client.get(url)
        pages[url] = Fetched(
            response.status_code, dict(response.headers), response.content
        )
    live_page_urls = {
        page.url
        for model in (QuarterPage, StandardPage)
        for page in model.objects.live().filter(depth__lte=4)
    }
    return Site(pages, live_page_urls)


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker, tmp_path_factory):
    """Seeds the demo, fetches every page, then rolls everything back."""
    password_file = tmp_path_factory.mktemp("demo") / "password.txt"
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", password_file=str(password_file), stdout=_Null())
        fetched = _fetch_all()
        transaction.set_rollback(True)
    # Wagtail caches site root paths; they pointed at rows that no longer exist.
    cache.clear()
    return fetched


class _Null:
    def write(self, *args, **kwargs):
        pass


def _parse(html: bytes) -> Element:
    return html5lib.parse(html, namespaceHTMLElements=False)


def _local(tag) -> str:
    """Tag name without namespace: SVG elements come as '{http://...svg}a'."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _is_focusable(element: Element) -> bool:
    tag = _local(element.tag)
    if "disabled" in element.attrib:
        return False
    tabindex = element.get("tabindex")
    if tabindex is not None:
        return int(tabindex) >= 0
    if tag in {"a", "area"}:
        return any(_local(name) == "href" for name in element.attrib)
    if tag == "input":
        return element.get("type", "text") != "hidden"
    return tag in {"button", "select", "textarea", "iframe", "summary"}


def _ancestors(tree: Element) -> dict[Element, Element]:
    return {child: parent for parent in tree.iter() for child in parent}


def test_every_live_top_page_is_checked(site):
    """A quarter or legal page added to the demo must join PUBLIC_PAGES."""
    assert site.live_page_urls <= set(PAGE_IDS)


@pytest.mark.parametrize(("url", "language"), PUBLIC_PAGES, ids=PAGE_IDS)
def test_page_status_and_language(site, url, language):
    page = site.pages[url]
    assert page.status == 200
    assert _parse(page.html).get("lang") == language


@pytest.mark.parametrize("url", PAGE_IDS)
def test_page_is_valid_html(site, url):
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        parser.parse(site.pages[url].html)
    except html5lib.html5parser.ParseError as error:
        line, column = parser.errors[0][0]
        source_line = site.pages[url].html.decode().splitlines()[line - 1]
        pytest.fail(f"{error} at {line}:{column}: {source_line.strip()[:200]}")


@pytest.mark.parametrize("url", PAGE_IDS)
def test_page_structure(site, url):
    tree = _parse(site.pages[url].html)
    parent = _ancestors(tree)

    first_focusable = next(el for el in tree.iter() if _is_focusable(el))
    assert first_focusable.tag == "a"
    assert first_focusable.get("href") == "#main"
    assert first_focusable.text.strip()

    assert len(tree.findall(".//h1")) == 1
    mains = tree.findall(".//main")
    assert len(mains) == 1
    assert mains[0].get("id") == "main"
    # Content keeps the page's width and margins; only a hero image runs full width.
    for child in mains[0]:
        if not isinstance(child.tag, str):
            continue  # a comment
        classes = (child.get("class") or "").split()
        assert {"wrap", "hero"} & set(classes), f"<{child.tag}> outside .wrap in <main>"
    # header and footer are page landmarks only outside sectioning content.
    sectioning = {"article", "aside", "main", "nav", "section"}
    for tag in ("header", "footer"):
        landmarks = []
        for element in tree.findall(f".//{tag}"):
            node = parent.get(element)
            while node is not None and node.tag not in sectioning:
                node = parent.get(node)
            if node is None:
                landmarks.append(element)
        assert len(landmarks) == 1, f"one page-level <{tag}>"
    for hidden in tree.iterfind(".//*[@aria-hidden='true']"):
        focusable = [el for el in hidden.iter() if _is_focusable(el)]
        assert not focusable, "keyboard focus inside aria-hidden"
    navs = tree.findall(".//nav")
    assert navs
    named = [nav.get("aria-label") or nav.get("aria-labelledby") for nav in navs]
    assert all(named), "every <nav> is named"


@pytest.mark.parametrize("url", PAGE_IDS)
def test_page_has_no_inline_code(site, url):
    tree = _parse(site.pages[url].html)
    for element in tree.iter():
        tag = _local(element.tag)
        names = {_local(name) for name in element.attrib}
        assert "style" not in names, f"style= on <{tag}>"
        assert tag != "style", "<style> element"
        handlers = [name for name in names if name.lower().startswith("on")]
        assert not handlers, f"{handlers} on <{tag}>"
        if tag == "script":
            assert element.get("src"), "inline <script>"


SVG_NUMBER_ATTRIBUTES = {"x", "y", "dx", "dy", "cx", "cy", "r", "width", "height"}
SVG_NUMBER = re.compile(r"-?\d+(\.\d+)?(e-?\d+)?$")


@pytest.mark.parametrize("url", PAGE_IDS)
def test_svg_coordinates_are_plain_numbers(site, url):
    """Browsers drop coordinates written the German way ("280,5")."""
    tree = _parse(site.pages[url].html)
    for element in tree.iter():
        if not str(element.tag).startswith("{http://www.w3.org/2000/svg}"):
            continue
        for name, value in element.attrib.items():
            if name in SVG_NUMBER_ATTRIBUTES:
                assert SVG_NUMBER.match(value), (
                    f"{_local(element.tag)} {name}={value!r}"
                )
        if view_box := element.get("viewBox"):
            numbers = view_box.split()
            assert len(numbers) == 4, f"viewBox={view_box!r}"
            assert all(SVG_NUMBER.match(n) for n in numbers), f"viewBox={view_box!r}"


@pytest.mark.parametrize("url", PAGE_IDS)
def test_page_security_headers(site, url):
    headers = site.pages[url].headers
    policy = headers.get("Content-Security-Policy", "")
    assert "default-src 'self'" in policy
    assert "'unsafe-inline'" not in policy
    assert "'unsafe-eval'" not in policy
    assert headers.get("Referrer-Policy")
    assert headers.get("Permissions-Policy")
    assert headers.get("X-Content-Type-Options") == "nosniff"


def _static_bytes(url: str) -> bytes:
    from django.conf import settings

    assert url.startswith(settings.STATIC_URL), f"{url} is not a local static file"
    path = finders.find(url.removeprefix(settings.STATIC_URL).split("?")[0])
    assert path, f"{url} not found by the staticfiles finders"
    with open(path, "rb") as file:
        return file.read()


def test_overview_page_weight(site):
    """HTML + every stylesheet, script and image of the overview: under 150 KB.

    Sizes are uncompressed, so the real transfer (gzip/brotli) is smaller still.
    """
    html = site.pages["/"].html
    tree = _parse(html)
    assets = set()
    for element in tree.iter():
        tag = _local(element.tag)
        if tag == "link" and element.get("rel") in {"stylesheet", "icon"}:
            assets.add(element.get("href"))
        elif tag in {"script", "img", "source", "image", "use"}:
            for name, value in element.attrib.items():
                if _local(name) in {"src", "href"} and not value.startswith("#"):
                    assets.add(value)
        if srcset := element.get("srcset"):
            assets.update(part.split()[0] for part in srcset.split(","))
    assets.discard(None)
    assert not [a for a in assets if a.startswith(("http:", "https:", "//"))], (
        "nothing from third-party hosts"
    )
    assets = {a for a in assets if not a.startswith("data:")}
    assert any(a.endswith(".css") for a in assets)
    sizes = {url: len(_static_bytes(url)) for url in assets}
    for url in [a for a in assets if a.endswith(".css")]:
        css = _static_bytes(url).decode()
        for ref in re.findall(r"url\(\s*['\"]?([^'\")]+)", css):
            if not ref.startswith(("data:", "#")):
                ref = urljoin(url, ref)
                sizes[ref] = len(_static_bytes(ref))
    total = len(html) + sum(sizes.values())
    assert total < MAX_OVERVIEW_BYTES, f"{total} bytes: {sizes}"
