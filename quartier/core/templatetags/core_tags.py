from django import template
from django.conf import settings
from django.template.defaultfilters import date as date_filter
from django.urls import translate_url
from django.utils import formats, translation
from django.utils.html import format_html

from quartier.core.i18n import (
    has_translation,
    local_money,
    local_number,
    localized_path,
    translation_of,
)

register = template.Library()


@register.simple_tag(takes_context=True)
def translated_path(context, language_code: str) -> str:
    """This page in another language. Translated pages keep their German slugs."""
    request = context["request"]
    return translate_url(request.path, language_code)


@register.simple_tag(takes_context=True)
def localized_home_url(context) -> str:
    """The home page in the page's language (`/` or `/en/`)."""
    return localized_path("/", context.get("LANGUAGE_CODE", "de"))


@register.filter
def euro(value, cents: bool = False) -> str:
    """1234567.5 → "1.234.568 €" / "€1,234,568" (whole euros, the page's language).

    `|euro:"cents"` gives "1.234.567,50 €": for tables with a sum, whose rows must add
    up to it exactly, as in the CSV and the API.
    """
    if value is None or value == "":
        return ""
    if cents:
        return local_money(value, 2)
    return local_money(round(value))


@register.filter
def number_de(value) -> str:
    """A number in the page's language (the name is older than the English pages)."""
    if value is None or value == "":
        return ""
    return local_number(value)


@register.filter
def translated(obj, field: str) -> str:
    """`{{ office|translated:"accessibility" }}`: the field in the page's language.

    Falls back to the German text, marked `lang="de"` so screen readers switch
    voice (WCAG 3.1.2) and the language crawl test knows it is content.
    """
    if obj is None:
        return ""
    text = translation_of(obj, field)
    if not text or has_translation(obj, field):
        return text
    return format_html('<span lang="{}">{}</span>', settings.LANGUAGE_CODE, text)


@register.filter
def local_date(value, name: str = "DATE_FORMAT") -> str:
    """`{{ when|local_date:"WEEKDAY_DATE_FORMAT" }}`: a date format by name.

    Django's `date` filter knows only its own format names; ours (weekday with date)
    live beside them in config/formats/<language>/formats.py.
    """
    for module in formats.get_format_modules(translation.get_language()):
        if pattern := getattr(module, name, None):
            return date_filter(value, pattern)
    return date_filter(value, name)


@register.filter(name="has_translation")
def has_translation_filter(obj, field: str) -> bool:
    """Whether `obj.<field>` reads in the page's language (German always does)."""
    return obj is not None and has_translation(obj, field)
