"""Guard: every Atom feed the site exposes is valid RFC 4287, in every language.

The feeds are found, not listed: `Feed` views in the URLconf (filled in with each
public quarter) and the feed routes of Wagtail's routable pages. A new feed is
checked without touching this file.
"""

import datetime as dt
import re
from urllib.parse import urlsplit

import pytest
from defusedxml import ElementTree as ET
from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from quartier.cms.models import NewsIndexPage
from quartier.quarters.models import Quarter

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


def _feed_patterns(resolver=None, namespace=""):
    """(url name, converter names) of every Feed view in the URLconf."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = (
                f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            )
            yield from _feed_patterns(pattern, inner)
        elif isinstance(pattern, URLPattern) and isinstance(pattern.callback, Feed):
            yield namespace + pattern.name, sorted(pattern.pattern.converters)


def _urlconf_feed_urls(language: str) -> list[str]:
    slugs = list(Quarter.objects.public().values_list("slug", flat=True))
    urls = []
    with translation.override(language):
        for name, params in _feed_patterns():
            # Teach the guard a new parameter here rather than skipping the feed.
            assert params in ([], ["slug"]), f"{name}: unknown parameters {params}"
            if params:
                urls += [reverse(name, kwargs={"slug": slug}) for slug in slugs]
            else:
                urls.append(reverse(name))
    return urls


def _routable_feed_urls(language: str) -> list[str]:
    urls = []
    pages = Page.objects.live().public().filter(locale__language_code=language)
    for page in pages.specific():
        if not isinstance(page, RoutablePageMixin):
            continue
        for route in page.get_subpage_urls():
            if route.name == "feed" or "feed" in str(route.pattern):
                urls.append(page.url + page.reverse_subpage(route.name))
    return urls


def _date(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def atom_problems(content: bytes, *, language: str, host: str) -> list[str]:
    """What an Atom validator would reject (RFC 4287 §4), as readable messages."""
    problems = []
    root = ET.fromstring(content)
    if root.tag != f"{ATOM}feed":
        return [f"root is {root.tag}, not atom:feed"]
    if root.get(XML_LANG) != language:
        problems.append(f"xml:lang is {root.get(XML_LANG)!r}, not {language!r}")

    def one(element, name, where):
        found = element.findall(f"{ATOM}{name}")
        if len(found) != 1:
            problems.append(f"{where}: {len(found)} atom:{name}, want exactly one")
            return None
        return found[0]

    def check_date(element, where):
        if element is not None and not RFC3339.match(element.text or ""):
            problems.append(f"{where}: {element.text!r} is no RFC 3339 date")

    def check_author(author, where):
        name = author.find(f"{ATOM}name")
        if name is None or not (name.text or "").strip():
            problems.append(f"{where}: atom:author without a name")

    def check_links(element, where):
        for link in element.findall(f"{ATOM}link"):
            href = urlsplit(link.get("href", ""))
            if href.scheme not in {"http", "https"} or href.hostname != host:
                problems.append(f"{where}: link {link.get('href')!r} not on {host}")

    for name in ("id", "title"):
        one(root, name, "feed")
    check_date(one(root, "updated", "feed"), "feed updated")
    check_links(root, "feed")
    feed_authors = root.findall(f"{ATOM}author")
    for author in feed_authors:
        check_author(author, "feed")
    if not any(link.get("rel") == "self" for link in root.findall(f"{ATOM}link")):
        problems.append("feed: no link rel=self")
    ids = set()
    for number, entry in enumerate(root.findall(f"{ATOM}entry"), start=1):
        where = f"entry {number}"
        entry_id = one(entry, "id", where)
        if entry_id is not None:
            if not urlsplit(entry_id.text or "").scheme:
                problems.append(f"{where}: id {entry_id.text!r} is no IRI")
            if entry_id.text in ids:
                problems.append(f"{where}: id {entry_id.text!r} twice")
            ids.add(entry_id.text)
        one(entry, "title", where)
        updated = one(entry, "updated", where)
        check_date(updated, f"{where} updated")
        published = entry.find(f"{ATOM}published")
        check_date(published, f"{where} published")
        if (
            updated is not None
            and published is not None
            and RFC3339.match(updated.text or "")
            and RFC3339.match(published.text or "")
            and _date(updated.text) < _date(published.text)
        ):
            problems.append(f"{where}: updated before published")
        authors = entry.findall(f"{ATOM}author")
        for author in authors:
            check_author(author, where)
        if not authors and not feed_authors:
            problems.append(f"{where}: no atom:author, and the feed has none")
        if entry.find(f"{ATOM}content") is None and not any(
            link.get("rel", "alternate") == "alternate"
            for link in entry.findall(f"{ATOM}link")
        ):
            problems.append(f"{where}: neither atom:content nor an alternate link")
        check_links(entry, where)
    return problems


@pytest.mark.django_db
def test_every_feed_is_valid_atom_in_every_language(client, demo):
    checked_feeds = checked_entries = 0
    failures = {}
    for language, _name in settings.LANGUAGES:
        urls = _urlconf_feed_urls(language) + _routable_feed_urls(language)
        assert urls, f"no feeds found for {language}"
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            assert response["Content-Type"].startswith("application/atom+xml"), url
            problems = atom_problems(
                response.content, language=language, host="testserver"
            )
            if problems:
                failures[url] = problems
            checked_feeds += 1
            checked_entries += response.content.count(b"<entry>")
    assert not failures, failures
    # The demo has entries in both feed kinds, so the entry checks did run.
    assert checked_entries >= 2 * 9
    print(f"Atom guard: {checked_feeds} feeds, {checked_entries} entries")  # noqa: T201


@pytest.mark.django_db
def test_every_quarters_news_feed_exists_in_english(client, demo):
    german_indexes = NewsIndexPage.objects.live().filter(locale__language_code="de")
    assert german_indexes.exists()
    for index in german_indexes:
        slug = index.get_parent().slug
        response = client.get(f"/en/quartiere/{slug}/aktuelles/feed/")
        assert response.status_code == 200, slug
        root = ET.fromstring(response.content)
        assert root.get(XML_LANG) == "en"
        titles = [e.find(f"{ATOM}title").text for e in root.iter(f"{ATOM}entry")]
        assert titles, slug
        # The English tree has its own news, not the German ones again.
        german = client.get(f"/quartiere/{slug}/aktuelles/feed/").content.decode()
        assert not any(f"<title>{title}</title>" in german for title in titles)


def test_validator_rejects_what_rfc_4287_forbids():
    """The checker itself can fail: a feed with the faults the issue found."""
    bad = (
        b'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">'
        b"<title>t</title><id>http://testserver/f/</id>"
        b"<updated>2026-01-01T09:00:00+01:00</updated>"
        b'<link href="http://localhost/f/" rel="self"/>'
        b"<entry><title>e</title><id>http://testserver/e/1</id>"
        b'<link href="http://testserver/e/1" rel="alternate"/>'
        b"<published>2026-01-01T09:00:00+01:00</published></entry>"
        b"</feed>"
    )
    problems = atom_problems(bad, language="en", host="testserver")
    assert "xml:lang is 'de', not 'en'" in problems
    assert "entry 1: 0 atom:updated, want exactly one" in problems
    assert "entry 1: no atom:author, and the feed has none" in problems
    assert any("localhost" in problem for problem in problems)
