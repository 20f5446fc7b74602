"""Paths, `_en` fields, numbers and money in the active language (issue 12, items 1-2)."""

from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import translation

from quartier.core.i18n import (
    local_money,
    local_number,
    localized_path,
    translation_of,
)


@pytest.mark.parametrize(
    ("path", "language", "expected"),
    [
        ("/veranstaltungen/", "en", "/en/veranstaltungen/"),
        ("/", "en", "/en/"),
        ("/quartiere/schinkel/", "en", "/en/quartiere/schinkel/"),
        ("/en/veranstaltungen/", "de", "/veranstaltungen/"),
        ("/en/", "en", "/en/"),
        ("/veranstaltungen/", "de", "/veranstaltungen/"),
    ],
)
@pytest.mark.parametrize("active", ["de", "en"])
def test_localized_path_whatever_language_is_active(path, language, expected, active):
    # The old code used translate_url, which resolves in the *active* language:
    # on English pages every German menu path stayed German.
    with translation.override(active):
        assert localized_path(path, language) == expected


def test_translation_of_falls_back_to_german():
    both = SimpleNamespace(name="Ältere Menschen", name_en="Older people")
    german_only = SimpleNamespace(name="Neuzugewanderte", name_en="")
    with translation.override("en"):
        assert translation_of(both, "name") == "Older people"
        assert translation_of(german_only, "name") == "Neuzugewanderte"
    with translation.override("de"):
        assert translation_of(both, "name") == "Ältere Menschen"


@pytest.mark.parametrize(
    ("language", "area", "inhabitants", "money", "cents"),
    [
        ("de", "94,01", "8.500", "15.000.000 €", "2.500,00 €"),
        ("en", "94.01", "8,500", "€15,000,000", "€2,500.00"),
    ],
)
def test_numbers_and_money_follow_the_language(
    language, area, inhabitants, money, cents
):
    with translation.override(language):
        assert local_number(Decimal("94.01")) == area
        assert local_number(8500) == inhabitants
        assert local_money(Decimal("15000000")) == money
        assert local_money(Decimal("2500"), decimal_pos=2) == cents
