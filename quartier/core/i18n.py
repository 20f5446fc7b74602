"""Paths in the visitor's language.

German lives at `/`, English under `/en/` (`i18n_patterns` with
`prefix_default_language=False`). Django's `translate_url` resolves a path in the
*active* language, so on an English page `translate_url("/veranstaltungen/", "en")`
fails to resolve and returns the German path unchanged: that sent English readers
back to German after one click.
"""

from decimal import Decimal

from django.conf import settings
from django.urls import translate_url
from django.utils import formats, translation
from django.utils.translation import pgettext


def path_language(path: str) -> str:
    """The language a path of this site is in: its prefix, or German."""
    for code, _name in settings.LANGUAGES:
        if code != settings.LANGUAGE_CODE and path.startswith(f"/{code}/"):
            return code
    return settings.LANGUAGE_CODE


def localized_path(path: str, language: str) -> str:
    """`path` (German, or already in some language) as it reads in `language`."""
    # Resolve in the path's own language, where it is valid (Wagtail's catch-all
    # would take "/en/" for a German page called "en"), then reverse in `language`.
    with translation.override(path_language(path)):
        return translate_url(path, language)


def translation_of(obj, field: str, language: str | None = None) -> str:
    """`obj.<field>` in the active language: `<field>_en` on English pages when it is
    filled, else the German original.

    Vocabularies and facts keep German in `<field>` (the first language, and what the
    admin always asks for) and an optional English twin `<field>_en`; see
    docs/translation.md.
    """
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    if language != settings.LANGUAGE_CODE:
        if value := getattr(obj, f"{field}_{language}", ""):
            return value
    return getattr(obj, field)


def has_translation(obj, field: str, language: str | None = None) -> bool:
    """Whether `obj.<field>` reads in `language` (German always does)."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    return language == settings.LANGUAGE_CODE or bool(
        getattr(obj, f"{field}_{language}", "")
    )


def local_number(value, decimal_pos: int | None = None) -> str:
    """A number for people in the active language: "8.500" / "8,500", "94,01" / "94.01".

    `decimal_pos=None` keeps the decimals the value has, without trailing zeros.
    """
    value = Decimal(value)
    if decimal_pos is None:
        # 94.10 → 94.1, 8500.00 → 8500 (normalize() alone would write 8.5E+3)
        value = value.quantize(Decimal(1)) if value == value.to_integral() else value
        value = value.normalize() if value != value.to_integral() else value
    else:
        value = value.quantize(Decimal(1).scaleb(-decimal_pos))
    return formats.number_format(value, decimal_pos, use_l10n=True, force_grouping=True)


def local_money(value, decimal_pos: int = 0) -> str:
    """Euros in the active language: "1.234.568 €" in German, "€1,234,568" in English."""
    return pgettext("amount of money", "%(amount)s €") % {
        "amount": local_number(value, decimal_pos)
    }
