"""Guard (issue 11, item 13): no URL answers 5xx to malformed input.

Every URL pattern is taken from the URLconf (public pages, accounts, the API; the
Wagtail admin has its own walk), never from a hand-written list. On the demo data,
each pattern gets a real instance (found by crawling the site, or built from its
converters), and then:

- each path parameter is replaced by every malformed value;
- every query parameter and form field the pattern is known to read gets every
  malformed value: the names come from the forms on the crawled pages, from recording
  which keys the view read from `request.GET`/`request.POST`, and for the API from the
  OpenAPI schema;
- the fields of each form get a malformed value all at once, once for every option
  of its selects (so a `wann=zeitraum` meets a `bis=9999-12-31`).

It runs as a superuser (who sees every form) and anonymously, on SQLite and, with
DATABASE_URL, on PostgreSQL (where NUL characters used to reach the database).
"""

from __future__ import annotations

import functools
import os
import re
import sys
import time
from collections import defaultdict
from html.parser import HTMLParser
from urllib.parse import quote, urlencode, urljoin, urlsplit

import pytest
from django.db import connection
from django.http import QueryDict
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern

from quartier.accounts.tests.factories import UserFactory

MALFORMED = [
    "\x00",
    "9223372036854775808",  # 2**63: one more than a 64-bit column holds
    "-1",
    "-9223372036854775809",
    "0001-01-01",
    "9999-12-31",
    "2026-02-30",
    "9999-12",
    "1-1",
    "abc",
    "NaN",
    "1e400",
    "x" * 5000,
]
#: For "every field at once, per select option": one of each kind is enough.
MALFORMED_COMBINED = ["\x00", "9223372036854775808", "0001-01-01", "9999-12-31"]
#: Path segments: what a converter lets through reaches the view; the rest must 404.
MALFORMED_PATH = ["9" * 40, "9223372036854775808", "-1", "abc", "%00", "x" * 300]
MAX_ROUNDS = 8

SKIP_PREFIXES = ("admin/", "static/", "media/")  # the admin has its own walk
BINARY_TYPES = ("text/calendar", "text/csv", "application/vnd", "application/pdf")
CRAWL_LIMIT = 250
INSTANCES_PER_ROUTE = 2
CONVERTER = re.compile(r"<(?:(?P<conv>\w+):)?(?P<name>\w+)>")


# --- the URLconf ------------------------------------------------------------------


def url_routes(skip: tuple[str, ...] = SKIP_PREFIXES) -> list[str]:
    """Every route of the URLconf, as `prefix/<conv:name>/` strings."""
    routes: list[str] = []

    def walk(patterns, prefix: str) -> None:
        for entry in patterns:
            pattern = entry.pattern
            if isinstance(pattern, LocalePrefixPattern):
                part = pattern.language_prefix
            elif isinstance(pattern, RoutePattern):
                part = str(pattern._route)
            elif isinstance(pattern, RegexPattern):
                # re_path("", include(...)) adds nothing to the path
                part = "re:" + pattern._regex if pattern._regex else ""
            else:
                raise AssertionError(f"unknown pattern type {pattern!r}")
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, prefix + part)
            elif isinstance(entry, URLPattern):
                routes.append(prefix + part)

    walk(get_resolver().url_patterns, "")
    return [r for r in routes if not r.startswith(skip)]


def _normal(route: str) -> str:
    """Django joins regex routes without their `^`; ours also mark them with `re:`."""
    return route.replace("re:", "").replace("^", "")


@functools.cache
def _routes_by_normal() -> dict[str, str]:
    return {_normal(route): route for route in url_routes(skip=())}


def route_of(path: str) -> str | None:
    """The url_routes() entry that serves `path`."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return _routes_by_normal().get(_normal(match.route))


def _sample(route: str, values: dict[str, str] | None = None) -> str | None:
    """A concrete path for a route from its converters (regex parts: a simple guess)."""
    values = values or {}
    path = route
    if "re:" in path:
        head, _sep, regex = path.partition("re:")
        regex = regex.lstrip("^").rstrip("$").replace(r"\Z", "")
        regex = re.sub(r"\(\?P<\w+>\\d\+\)|\(\\d\+\)", "1", regex)
        regex = re.sub(r"\(\?:[^)]*\)[*+?]?", "", regex)  # optional repeats: none
        regex = regex.replace("()", "")
        regex = re.sub(r"\(\?P<\w+>[^)]*\)|\([^)]*\)", "x", regex)
        path = head + regex.replace("\\", "")
    path = CONVERTER.sub(
        lambda m: (
            values.get(m["name"])
            or {"id": "1", "int": "1", "slug": "schinkel", "path": "x"}.get(
                m["conv"] or "str", "x"
            )
        ),
        path,
    )
    return "/" + path


# --- forms on pages and keys views read --------------------------------------------


class FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms.append(
                {
                    "action": a.get("action") or "",
                    "method": (a.get("method") or "get").lower(),
                    "fields": {},
                    "options": defaultdict(list),
                }
            )
        if not self.forms or not a.get("name"):
            if tag == "option" and self._select and self.forms:
                self.forms[-1]["options"][self._select].append(a.get("value", ""))
            return
        form = self.forms[-1]
        name = a["name"]
        if tag == "input":
            kind = a.get("type", "text")
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio"):
                form["options"][name].append(a.get("value", "on"))
                if "checked" in a:
                    form["fields"][name] = a.get("value", "on")
                return
            form["fields"].setdefault(name, a.get("value", ""))
        elif tag == "textarea":
            form["fields"].setdefault(name, "")
        elif tag == "select":
            self._select = name
            form["fields"].setdefault(name, "")

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def parse_forms(html: str) -> list[dict]:
    parser = FormParser()
    parser.feed(html)
    return parser.forms


class KeyRecorder:
    """Which keys a view reads from request.GET and request.POST."""

    def __init__(self):
        self.keys: dict[int, set[str]] = defaultdict(set)
        self._originals = {}

    def __enter__(self):
        recorder = self

        def wrap(method):
            original = getattr(QueryDict, method)

            def recording(self, key, *args, **kwargs):
                recorder.keys[id(self)].add(key)
                return original(self, key, *args, **kwargs)

            self._originals[method] = original
            setattr(QueryDict, method, recording)

        for method in ("__getitem__", "get", "getlist", "__contains__"):
            wrap(method)
        return self

    def __exit__(self, *exc):
        for method, original in self._originals.items():
            setattr(QueryDict, method, original)

    def read(self, querydict) -> set[str]:
        return self.keys.pop(id(querydict), set()) - {"csrfmiddlewaretoken"}


# --- the walk ------------------------------------------------------------------------


class Walk:
    def __init__(self, client, openapi: dict):
        self.client = client
        self.instances: dict[str, list[str]] = defaultdict(list)
        self.get_keys: dict[str, set[str]] = defaultdict(set)
        self.post_keys: dict[str, set[str]] = defaultdict(set)
        self.forms: dict[str, list[dict]] = defaultdict(list)
        self.failures: list[str] = []
        self.requests = 0
        self.tried: set[tuple[str, str]] = set()  # (route, value) pairs
        self.probed: set[str] = set()
        self.post_only: set[str] = set()
        self.cases = 0
        self.api_links: set[str] = set()  # the API refuses unknown parameters
        self.api_params = {
            re.sub(r"\{(\w+)\}", r"<\1>", path).lstrip("/"): {
                p["name"]
                for op in ops.values()
                for p in op.get("parameters", [])
                if p["in"] == "query"
            }
            for path, ops in openapi["paths"].items()
        }

    def request(self, method, url, data=None, route="", value="", cases=1):
        """One request; `cases` counts the (field, malformed value) pairs it carries."""
        self.requests += 1
        if route:
            self.tried.add((route, value))
            self.cases += cases
        send = self.client.post if method == "post" else self.client.get
        try:
            response = send(url, data or {})
        except Exception as error:  # noqa: BLE001 - the test client re-raises view errors
            self.failures.append(
                f"{method.upper()} {url[:200]} {data!r:.200}: {error!r}"
            )
            return None
        if response.status_code >= 500:
            self.failures.append(
                f"{method.upper()} {url[:200]} {data!r:.200}: {response.status_code}"
            )
        return response

    def add_instance(self, path: str) -> bool:
        route = route_of(path)
        if route is None or route.startswith(SKIP_PREFIXES):
            return False
        if path in self.instances[route]:
            return False
        if len(self.instances[route]) >= INSTANCES_PER_ROUTE:
            return False
        self.instances[route].append(path)
        return True

    def crawl(self, start: str = "/") -> None:
        queue, seen = [start], {start}
        while queue and len(seen) <= CRAWL_LIMIT:
            path = queue.pop(0)
            response = self.request("get", path)
            if response is None or response.status_code != 200:
                continue
            if response.get("Content-Type", "").startswith(BINARY_TYPES):
                continue
            if "html" not in response.get("Content-Type", ""):
                continue
            self.harvest_forms(path, response)
            html = response.content.decode()
            for href in re.findall(r'href="([^"#]+)', html):
                target = urlsplit(urljoin(path, href.replace("&amp;", "&")))
                if target.netloc or target.path.startswith(("/en/", "/static/")):
                    continue
                if target.path.startswith("/api/") and target.query:
                    self.api_links.add(f"{target.path}?{target.query}")
                if target.path in seen or not self.add_instance(target.path):
                    continue
                seen.add(target.path)
                queue.append(target.path)

    def harvest_forms(self, path: str, response) -> None:
        if response is None or "html" not in response.get("Content-Type", ""):
            return
        for form in parse_forms(response.content.decode()):
            action = urlsplit(urljoin(path, form["action"])).path
            route = route_of(action)
            if route is not None and len(self.forms[route]) < 2:
                self.add_instance(action)
                self.forms[route].append(form)

    def probe(self, route: str, path: str, recorder: KeyRecorder) -> None:
        """Which keys the view reads on GET and on an empty POST; its forms."""
        self.probed.add(route)
        for method, keys in (("get", self.get_keys), ("post", self.post_keys)):
            response = self.request(method, path)
            if response is None or not hasattr(response, "wsgi_request"):
                continue
            request = response.wsgi_request
            keys[route] |= recorder.read(
                request.GET if method == "get" else request.POST
            )
            if method == "get" and response.status_code == 200:
                self.harvest_forms(path, response)
            if method == "get" and response.status_code == 405:
                self.post_only.add(route)
        keys = self.api_params.get(CONVERTER.sub(r"<\g<name>>", route))
        if keys:
            self.get_keys[route] |= keys

    def path_values(self, route: str) -> None:
        """Each converter slot of the route replaced by each malformed segment."""
        if "re:" in route:
            return
        method = "post" if route in self.post_only else "get"
        for slot in CONVERTER.finditer(route):
            for value in MALFORMED_PATH:
                segment = value if value == "%00" else quote(value)
                url = _sample(route, {slot["name"]: segment})
                self.request(method, url, route=route, value=value)

    def query_values(self, route: str, path: str) -> None:
        """Each query key alone: a filter form falls back when one field is invalid,
        so a bad value must also be tried with nothing else beside it."""
        for key in sorted(self.get_keys[route]):
            for value in MALFORMED:
                self.request(
                    "get", f"{path}?{urlencode({key: value})}", None, route, value
                )

    def form_values(self, route: str, path: str) -> None:
        for form in self.forms[route]:
            base = dict(form["fields"])
            if form["method"] == "post":
                # Every field gets every value, a different one per field and request
                # (a Latin square): 13 requests instead of fields × 13.
                keys = sorted(base)
                for shift in range(len(MALFORMED)):
                    data = {
                        key: MALFORMED[(i + shift) % len(MALFORMED)]
                        for i, key in enumerate(keys)
                    }
                    self.request(
                        "post", path, {**base, **data}, route, "form", len(keys)
                    )
                continue
            # GET forms filter: each field alone is done by query_values; here all
            # text fields at once, per option of the selects (wann=zeitraum + bis=…).
            self.get_keys[route] |= set(base)
            text_keys = [k for k in base if k not in form["options"]]
            rounds = min(
                MAX_ROUNDS, max([len(v) for v in form["options"].values()] or [1])
            )
            for value in MALFORMED_COMBINED:
                for round_ in range(rounds):
                    data = dict.fromkeys(text_keys, value)
                    for key, options in form["options"].items():
                        data[key] = options[round_ % len(options)]
                    self.request(
                        "get", path, {**base, **data}, route, value, len(text_keys)
                    )
        in_forms = {k for f in self.forms[route] for k in f["fields"]}
        for key in sorted(self.post_keys[route] - in_forms):
            for value in MALFORMED:
                self.request("post", path, {key: value}, route, value)


def _report(capsys, text: str) -> None:
    with capsys.disabled():
        sys.stdout.write("\n" + text + "\n")


def _progress(text: str) -> None:
    if os.environ.get("WALK_PROGRESS"):
        sys.__stderr__.write(f"{time.monotonic():.0f} {text}\n")


@pytest.mark.django_db
def test_no_url_answers_5xx_to_malformed_input(client, demo, capsys):
    client.raise_request_exception = False  # a 500 is a response to count, not a crash
    openapi = client.get("/api/v1/openapi.json").json()
    routes = url_routes()
    superuser = UserFactory(is_superuser=True, is_staff=True)
    figures, failures = [], []
    uncovered: set[str] = set(routes)
    instances: dict[str, list[str]] = {}
    started = time.monotonic()
    for role in ("superuser", "anonymous"):
        client.logout()
        walk = Walk(client, openapi)
        if role == "superuser":
            client.force_login(superuser)
            walk.crawl("/")
            for route in routes:
                if not walk.instances.get(route):
                    sample = _sample(route)
                    if sample and route_of(sample) == route:
                        walk.instances[route].append(sample)
            instances = {route: list(paths) for route, paths in walk.instances.items()}
        else:
            walk.instances.update(instances)
        for link in sorted(walk.api_links):
            response = walk.request("get", link)
            if response is not None and response.status_code != 200:
                failures.append(f"page links to {link}: {response.status_code}")
        _progress(f"{role}: crawled, {walk.requests} requests")
        with KeyRecorder() as recorder:
            for route in routes:
                for path in walk.instances.get(route, [])[:1]:
                    walk.probe(route, path, recorder)
        _progress(f"{role}: probed, {walk.requests} requests")
        for number, route in enumerate(routes):
            for path in walk.instances.get(route, [])[:1]:
                if role == "superuser":
                    client.force_login(superuser)  # a walk may log out or delete
                walk.path_values(route)
                walk.query_values(route, path)
                walk.form_values(route, path)
            if number % 20 == 0:
                _progress(f"{role}: {number} routes, {walk.requests} requests")
        uncovered -= walk.probed
        failures += walk.failures
        figures.append(
            f"{role}: {len(walk.probed)} of {len(routes)} URL patterns probed, "
            f"{len({r for r, _v in walk.tried})} with parameters or fields, "
            f"{walk.cases} field × malformed value cases, {walk.requests} requests"
        )
    _report(
        capsys,
        f"Malformed-input walk on {connection.vendor} "
        f"({time.monotonic() - started:.0f}s): "
        + "; ".join(figures)
        + f"; {len(MALFORMED)} malformed values, {len(MALFORMED_PATH)} path values"
        + (f"; not instantiable: {sorted(uncovered)}" if uncovered else ""),
    )
    assert failures == []
    # Every pattern of the URLconf was walked (or the test says which one was not).
    assert sorted(uncovered) == []
