from django import template
from django.urls import translate_url

from quartier.core.i18n import localized_path

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
def euro(value) -> str:
    """1234567.5 → "1.234.568 €" (German grouping, whole euros)."""
    if value is None:
        return ""
    return f"{round(value):,} €".replace(",", ".")


@register.filter
def number_de(value) -> str:
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    return (
        f"{float(value):,.2f}".replace(",", "X")
        .replace(".", ",")
        .replace("X", ".")
        .rstrip("0")
        .rstrip(",")
    )
