"""Guard (issue 12, item 3): the whole demo, crawled in each interface language.

Every same-origin link and form on a page stays in the page's language (the
language switcher aside), `<html lang>` matches, and on English pages no German
interface word or German vocabulary name shows outside parts marked lang="de".
The demo is seeded once per module and rolled back; `tests/language_crawl.py`
does the crawling (and runs against a live demo, too).
"""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import Client

from tests.language_crawl import PREFIXES, crawl

pytestmark = pytest.mark.django_db

# The demo has ~400 pages per language; fewer means links went missing.
MIN_PAGES = {"de": 300, "en": 300}


class _Null:
    def write(self, *args, **kwargs):
        pass


def _german_vocabulary() -> set[str]:
    """Names users choose from whose English differs: they must not leak."""
    from quartier.community.models import Language, TargetGroup
    from quartier.participation.models import Category

    return {
        item.name
        for model in (Language, TargetGroup, Category)
        for item in model.objects.all()
        if item.name_en and item.name_en != item.name
    }


@pytest.fixture(scope="module")
def crawled(django_db_setup, django_db_blocker, tmp_path_factory):
    """{language: (pages, findings)} over the seeded demo, anonymous visitor."""
    password_file = tmp_path_factory.mktemp("demo") / "password.txt"
    client = Client()

    def fetch(path):
        response = client.get(path)
        return (
            response.status_code,
            response.headers.get("Content-Type", ""),
            response.content.decode() if response.status_code < 300 else "",
            response.headers.get("Location", ""),
        )

    results = {}
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", password_file=str(password_file), stdout=_Null())
        vocabulary = _german_vocabulary()
        for language in PREFIXES:
            results[language] = crawl(fetch, language, german_terms=vocabulary)
        transaction.set_rollback(True)
    cache.clear()  # Wagtail cached site roots that no longer exist
    return results


@pytest.mark.parametrize("language", list(PREFIXES))
def test_every_page_stays_in_its_language(crawled, language):
    pages, findings = crawled[language]
    print(f"{language}: {len(pages)} pages crawled")  # noqa: T201 - the guard figure
    assert len(pages) >= MIN_PAGES[language]
    assert not findings, "\n".join(f"{f.path}: {f.problem}" for f in findings[:40])
