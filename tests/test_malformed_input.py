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

import re
import sys
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
    "a\x00b",
    "9223372036854775808",  # 2**63
    "9" * 40,
    "-1",
    "-9223372036854775809",
    "0",
    "0001-01-01",
    "9999-12-31",
    "2026-02-30",
    "2026-13-45",
    "9999-12",
    "1-1",
    "abc",
    "1e400",
    "NaN",
    "x" * 5000,
]
#: Path segments: what a converter lets through reaches the view; the rest must 404.
MALFORMED_PATH = ["9" * 40, "9223372036854775808", "-1", "abc", "%00", "x" * 300]

SKIP_PREFIXES = ("admin/", "static/", "media/")  # the admin has its own walk
BINARY_TYPES = ("text/calendar", "text/csv", "application/vnd", "application/pdf")
CRAWL_LIMIT = 350
INSTANCES_PER_ROUTE = 2
CONVERTER = re.compile(r"<(?:(?P<conv>\w+):)?(?P<name>\w+)>")


# --- the URLconf ------------------------------------------------------------------


def url_routes() -> list[str]:
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
                part = "re:" + pattern._regex
            else:
                raise AssertionError(f"unknown pattern type {pattern!r}")
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, prefix + part)
            elif isinstance(entry, URLPattern):
                routes.append(prefix + part)

    walk(get_resolver().url_patterns, "")
    return [r for r in routes if not r.startswith(SKIP_PREFIXES)]


def route_of(path: str) -> str | None:
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.route


def _sample(route: str, values: dict[str, str] | None = None) -> str | None:
    """A concrete path for a route from its converters (regex parts: a simple guess)."""
    values = values or {}
    path = route
    if "re:" in path:
        head, _sep, regex = path.partition("re:")
        regex = regex.lstrip("^").rstrip("$").replace(r"\Z", "")
        regex = re.sub(r"\(\?P<\w+>\\d\+\)|\(\\d\+\)", "1", regex)
        regex = re.sub(r"\(\?P<\w+>[^)]*\)|\([^)]*\)\*?", "", regex)
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
        self.api_params = {
            re.sub(r"\{(\w+)\}", r"<\1>", path).lstrip("/"): {
                p["name"]
                for op in ops.values()
                for p in op.get("parameters", [])
                if p["in"] == "query"
            }
            for path, ops in openapi["paths"].items()
        }

    def request(self, method: str, url: str, data=None, route: str = "", value=""):
        self.requests += 1
        if route:
            self.tried.add((route, value))
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
            html = response.content.decode()
            for form in parse_forms(html):
                action = urlsplit(urljoin(path, form["action"])).path
                route = route_of(action)
                if route is None:
                    continue
                self.add_instance(action)
                self.forms[route].append(form)
            for href in re.findall(r'href="([^"#]+)', html):
                target = urlsplit(urljoin(path, href.replace("&amp;", "&")))
                if target.netloc or target.path.startswith(("/en/", "/static/")):
                    continue
                if target.path in seen or not self.add_instance(target.path):
                    continue
                seen.add(target.path)
                queue.append(target.path)

    def probe(self, route: str, path: str, recorder: KeyRecorder) -> None:
        """Which keys the view reads on GET and on an empty POST."""
        self.probed.add(route)
        for method, keys in (("get", self.get_keys), ("post", self.post_keys)):
            response = self.request(method, path)
            if response is not None and hasattr(response, "wsgi_request"):
                request = response.wsgi_request
                keys[route] |= recorder.read(
                    request.GET if method == "get" else request.POST
                )
        keys = self.api_params.get(CONVERTER.sub(r"<\g<name>>", route))
        if keys:
            self.get_keys[route] |= keys

    def path_values(self, route: str, path: str) -> None:
        """Each converter slot of the route replaced by each malformed segment."""
        slots = list(CONVERTER.finditer(route))
        if not slots or "re:" in route:
            return
        for slot in slots:
            for value in MALFORMED_PATH:
                values = {slot["name"]: value if value == "%00" else quote(value)}
                url = _sample(route, values)
                for method in ("get", "post"):
                    self.request(method, url, route=route, value=value)

    def query_values(self, route: str, path: str) -> None:
        for key in sorted(self.get_keys[route]):
            for value in MALFORMED:
                self.request(
                    "get", f"{path}?{urlencode({key: value})}", None, route, value
                )

    def form_values(self, route: str, path: str) -> None:
        """Each form field alone, then all fields at once per select option."""
        for form in self.forms[route][:2]:
            method = "post" if form["method"] == "post" else "get"
            base = dict(form["fields"])
            for key in sorted(base):
                for value in MALFORMED:
                    self.request(method, path, {**base, key: value}, route, value)
            text_keys = [k for k in base if k not in form["options"]]
            rounds = max([len(v) for v in form["options"].values()] or [1])
            for value in MALFORMED:
                for round_ in range(rounds):
                    data = dict.fromkeys(text_keys, value)
                    for key, options in form["options"].items():
                        data[key] = options[round_ % len(options)]
                    self.request(method, path, {**base, **data}, route, value)
        for key in sorted(
            self.post_keys[route] - {k for f in self.forms[route] for k in f["fields"]}
        ):
            for value in MALFORMED:
                self.request("post", path, {key: value}, route, value)


def _report(capsys, text: str) -> None:
    with capsys.disabled():
        sys.stdout.write("\n" + text + "\n")


@pytest.mark.django_db(transaction=False)
def test_no_url_answers_5xx_to_malformed_input(client, demo, capsys, settings):
    settings.DEBUG_PROPAGATE_EXCEPTIONS = False
    openapi = client.get("/api/v1/openapi.json").json()
    routes = url_routes()
    superuser = UserFactory(is_superuser=True, is_staff=True)
    figures = []
    failures: list[str] = []
    uncovered: set[str] = set(routes)
    for role in ("superuser", "anonymous"):
        client.logout()
        if role == "superuser":
            client.force_login(superuser)
        walk = Walk(client, openapi)
        client.raise_request_exception = False
        walk.crawl("/")
        for route in routes:
            if not walk.instances.get(route):
                sample = _sample(route)
                if sample and route_of(sample) == route:
                    walk.instances[route].append(sample)
        with KeyRecorder() as recorder:
            for route in routes:
                for path in walk.instances.get(route, [])[:1]:
                    walk.probe(route, path, recorder)
        for route in routes:
            for path in walk.instances.get(route, [])[:1]:
                if role == "superuser":
                    client.force_login(superuser)  # a walk may log out or delete
                walk.path_values(route, path)
                walk.query_values(route, path)
                walk.form_values(route, path)
        uncovered -= {route for route, _value in walk.tried} | walk.probed
        failures += walk.failures
        figures.append(
            f"{role}: {len(walk.probed)} of {len(routes)} URL patterns probed, "
            f"{len({r for r, _v in walk.tried})} with parameters or fields, "
            f"{len(walk.tried)} pattern × value pairs, {walk.requests} requests"
        )
    _report(
        capsys,
        f"Malformed-input walk on {connection.vendor}: "
        + "; ".join(figures)
        + f"; {len(MALFORMED)} malformed values, {len(MALFORMED_PATH)} path values"
        + (f"; not instantiable: {sorted(uncovered)}" if uncovered else ""),
    )
    assert failures == []
    # Every pattern of the URLconf was walked (or the test says which one was not).
    assert sorted(uncovered) == []
