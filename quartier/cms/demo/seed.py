"""Builds the demo page tree in German and English. Never overwrites existing pages."""

from __future__ import annotations

import datetime as dt
import json
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from quartier.cms.models import (
    HomePage,
    NewsIndexPage,
    NewsPage,
    QuarterIndexPage,
    QuarterPage,
    StandardPage,
)
from quartier.quarters.services import quarter_grant_team_permissions

from . import texts_de, texts_en


def _stream(blocks) -> str:
    """(type, value) pairs → StreamField JSON; tuples inside facts become rows."""
    raw = []
    for block_type, value in blocks:
        if block_type == "facts":
            value = {
                **value,
                "rows": [{"label": label, "value": v} for label, v in value["rows"]],
            }
        elif block_type == "call_to_action":
            value = {k: v for k, v in value.items() if k != "url"} | {
                "link": {"page": None, "url": value["url"]}
            }
        raw.append({"type": block_type, "value": value})
    return json.dumps(raw)


def _themes(texts) -> dict:
    return {
        "heading": texts.THEMES_HEADING,
        "themes": [
            {"title": t, "text": x, "link_text": lt, "link": {"page": None, "url": url}}
            for t, x, lt, url in texts.THEMES
        ],
    }


def _publish(page: Page) -> Page:
    page.save_revision().publish()
    return page


def seed_site() -> HomePage:
    """Locales, the German home page as site root, the quarter index and legal pages."""
    german = Locale.objects.get_or_create(language_code="de")[0]
    Locale.objects.get_or_create(language_code="en")
    home = HomePage.objects.filter(locale=german).first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=HomePage(
                title=texts_de.HOME_TITLE,
                slug="start",
                locale=german,
                intro=texts_de.HOME_INTRO,
                body=_stream(
                    [
                        ("paragraph", texts_de.WHAT_IS_A_QUARTER),
                        ("themes", _themes(texts_de)),
                    ]
                ),
            )
        )
        _publish(home)
        site = Site.objects.filter(is_default_site=True).first() or Site(
            is_default_site=True
        )
        old_root_id = site.root_page_id
        # The site's own address, so Wagtail's full URLs (admin "view live", mails)
        # do not say http://localhost.
        address = urlsplit(settings.SITE_URL)
        default_port = 443 if address.scheme == "https" else 80
        site.hostname, site.port, site.root_page, site.site_name = (
            address.hostname or "localhost",
            address.port or default_port,
            home,
            texts_de.HOME_TITLE,
        )
        site.save()
        # Wagtail's installer leaves a "Welcome" page; the demo replaces it.
        Page.objects.filter(pk=old_root_id).exclude(pk=home.pk).delete()
    if not QuarterIndexPage.objects.filter(locale=german).exists():
        _publish(
            home.add_child(
                instance=QuarterIndexPage(
                    title=texts_de.QUARTERS_INDEX_TITLE,
                    slug="quartiere",
                    intro=texts_de.QUARTERS_INDEX_INTRO,
                )
            )
        )
    for slug, title, intro, form, body in texts_de.LEGAL_PAGES:
        if not StandardPage.objects.filter(locale=german, slug=slug).exists():
            _publish(
                home.add_child(
                    instance=StandardPage(
                        title=title,
                        slug=slug,
                        intro=intro,
                        feedback_form=form,
                        body=_stream(body),
                    )
                )
            )
    return home


def seed_quarter_pages() -> None:
    """Fill the pages quarter_create made, once: body, news index and a few news."""
    today = timezone.localdate()
    for page in QuarterPage.objects.filter(locale__language_code="de").select_related(
        "quarter"
    ):
        texts = texts_de.QUARTERS.get(page.quarter.slug)
        if texts is None or page.body:
            continue
        page.teaser, page.intro, page.body = (
            texts["teaser"],
            texts["intro"],
            _stream(texts["body"]),
        )
        _publish(page)
        news_index = page.add_child(
            instance=NewsIndexPage(title=texts_de.NEWS_INDEX_TITLE, slug="aktuelles")
        )
        _publish(news_index)
        for slug, title, days_ago, intro in texts["news"]:
            _publish(
                news_index.add_child(
                    instance=NewsPage(
                        title=title,
                        slug=slug,
                        intro=intro,
                        date=today - dt.timedelta(days=days_ago),
                        body=_stream([texts_de.NEWS_BODY]),
                    )
                )
            )


def seed_translations() -> None:
    """English copies of the home page, quarter index, quarter pages and legal pages."""
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.get(locale__language_code="de")
    home_en = _translate(
        home,
        english,
        title=texts_en.HOME_TITLE,
        intro=texts_en.HOME_INTRO,
        body=_stream(
            [("paragraph", texts_en.WHAT_IS_A_QUARTER), ("themes", _themes(texts_en))]
        ),
    )
    index = QuarterIndexPage.objects.get(locale__language_code="de")
    _translate(
        index,
        english,
        title=texts_en.QUARTERS_INDEX_TITLE,
        intro=texts_en.QUARTERS_INDEX_INTRO,
    )
    for page in QuarterPage.objects.filter(locale__language_code="de").select_related(
        "quarter"
    ):
        texts = texts_en.QUARTERS.get(page.quarter.slug)
        if texts:
            _translate(
                page,
                english,
                teaser=texts["teaser"],
                intro=texts["intro"],
                body=_stream(texts["body"]),
            )
            _translate_news(page, english)
        quarter_grant_team_permissions(quarter=page.quarter)
    for page in StandardPage.objects.child_of(home).filter(
        slug__in=texts_en.LEGAL_PAGES
    ):
        title, intro, body = texts_en.LEGAL_PAGES[page.slug]
        _translate(
            page, english, title=title, intro=intro, body=_stream([("paragraph", body)])
        )
    return home_en


def _translate_news(quarter_page: QuarterPage, locale: Locale) -> None:
    """The English news index (so /en/…/aktuelles/ and its feed exist) and its news."""
    news_index = NewsIndexPage.objects.child_of(quarter_page).first()
    if news_index is None:
        return
    _translate(news_index, locale, title=texts_en.NEWS_INDEX_TITLE)
    for news in news_index.news():
        if news.slug in texts_en.NEWS:
            title, intro = texts_en.NEWS[news.slug]
            _translate(
                news,
                locale,
                title=title,
                intro=intro,
                body=_stream([texts_en.NEWS_BODY]),
            )


def _translate(page: Page, locale: Locale, **fields) -> Page:
    page = page.specific
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing
    translation = page.copy_for_translation(locale).specific
    for name, value in fields.items():
        setattr(translation, name, value)
    if page.depth > 2:
        translation.slug = page.slug  # URLs stay German in every language
    translation.save()
    return _publish(translation)
