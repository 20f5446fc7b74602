"""Main menu, logo and footer stay in the page's language (issue 12, item 1)."""

import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import Client

pytestmark = pytest.mark.django_db

# Pages of every kind: Wagtail pages, app views, allauth views.
PATHS = [
    "/",
    "/quartiere/schinkel/",
    "/veranstaltungen/",
    "/mitmachen/ideen/",
    "/massnahmen/",
    "/akteure/",
    "/verfuegungsfonds/",
    "/konto/login/",
    "/konto/signup/",
    "/impressum/",
]
PREFIXES = {"de": "", "en": "/en"}


class _Null:
    def write(self, *args, **kwargs):
        pass


@pytest.fixture(scope="module")
def pages(django_db_setup, django_db_blocker, tmp_path_factory):
    """{(language, path, logged_in): (status, html)}, on the seeded demo."""
    from quartier.accounts.models import User

    password_file = tmp_path_factory.mktemp("demo") / "password.txt"
    fetched = {}
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", password_file=str(password_file), stdout=_Null())
        for logged_in in (False, True):
            client = Client()
            if logged_in:
                client.force_login(User.objects.get(email="erika@quartier.example"))
            for language, prefix in PREFIXES.items():
                for path in PATHS:
                    response = client.get(prefix + path)
                    fetched[language, path, logged_in] = (
                        response.status_code,
                        response.content.decode() or response.headers["Location"],
                    )
        transaction.set_rollback(True)
    cache.clear()  # Wagtail cached site roots that no longer exist
    return fetched


def _site_links(html: str) -> list[str]:
    """hrefs in the header and the footer: logo, main menu, legal links."""
    header = html[html.index("<header") : html.index("</header>")]
    # The language switcher links to the other language on purpose.
    header = re.sub(r'<nav class="lang-switch".*?</nav>', "", header, flags=re.S)
    footer = html[html.index('<footer class="site-footer"') :]
    return re.findall(r'href="([^"#]+)"', header + footer)


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("logged_in", [False, True])
def test_english_pages_link_to_english_pages(pages, path, logged_in):
    status, html = pages["en", path, logged_in]
    if status == 302:  # login and signup send members on
        return
    assert status == 200
    links = _site_links(html)
    assert len(links) >= 10
    assert '<a class="site-title" href="/en/">' in html
    german = [
        link
        for link in links
        if not link.startswith(("/en/", "/static/", "/api/", "/dokumente/"))
    ]
    assert not german


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("logged_in", [False, True])
def test_german_pages_link_to_german_pages(pages, path, logged_in):
    status, html = pages["de", path, logged_in]
    if status == 302:
        return
    assert status == 200
    assert '<a class="site-title" href="/">' in html
    assert not [link for link in _site_links(html) if link.startswith("/en/")]


def test_current_section_is_marked_in_english(pages):
    _, html = pages["en", "/veranstaltungen/", False]
    assert '<a href="/en/veranstaltungen/" aria-current="page">' in html


@pytest.mark.parametrize(("language", "home"), [("de", "/"), ("en", "/en/")])
def test_members_sent_on_from_login_land_in_their_language(pages, language, home):
    status, location = pages[language, "/konto/login/", True]
    assert status == 302
    assert location == home
