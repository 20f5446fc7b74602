"""Guard: every compiled catalogue (.mo) says what its source (.po) says.

Git merges the .po as text but takes one side's binary .mo whole, so after a merge
the .mo can miss translations that the .po has: English pages then show German.
"""

import ast
import gettext
from pathlib import Path

import pytest
from django.conf import settings

CATALOGUES = sorted(Path(settings.BASE_DIR, "locale").glob("*/LC_MESSAGES/django.po"))


def po_entries(text: str) -> dict:
    """The translated, non-fuzzy entries of a .po file, keyed as gettext keys them."""
    entries, entry, field, fuzzy = {}, {}, None, False

    def flush():
        if entry.get("msgid") and not fuzzy:
            prefix = entry["msgctxt"] + "\x04" if "msgctxt" in entry else ""
            if "msgid_plural" in entry:
                for key, value in entry.items():
                    if key.startswith("msgstr[") and value:
                        entries[(prefix + entry["msgid"], int(key[7:-1]))] = value
            elif entry.get("msgstr"):
                entries[prefix + entry["msgid"]] = entry["msgstr"]

    for line in [*text.splitlines(), ""]:
        if not line.strip():
            flush()
            entry, field, fuzzy = {}, None, False
        elif line.startswith("#,"):
            fuzzy = "fuzzy" in line
        elif line.startswith('"'):
            entry[field] += ast.literal_eval(line)
        elif not line.startswith("#"):
            field, value = line.split(" ", 1)
            entry[field] = ast.literal_eval(value)
    return entries


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda path: path.parts[-3])
def test_compiled_catalogue_matches_its_source(po):
    with open(po.with_suffix(".mo"), "rb") as compiled:
        catalog = gettext.GNUTranslations(compiled)._catalog
    expected = po_entries(po.read_text(encoding="utf-8"))
    assert len(expected) > 100
    stale = [key for key, value in expected.items() if catalog.get(key) != value]
    assert not stale, f"{len(stale)} entries differ, e.g. {stale[:5]}: compilemessages"


def test_the_reader_keeps_plurals_contexts_and_skips_fuzzy():
    text = (
        'msgid "Tag"\nmsgstr "day"\n\n'
        'msgctxt "Monat"\nmsgid "Mai"\nmsgstr "May"\n\n'
        '#, fuzzy\nmsgid "Alt"\nmsgstr "old"\n\n'
        'msgid "%(n)s Person"\nmsgid_plural "%(n)s Personen"\n'
        'msgstr[0] "%(n)s person"\nmsgstr[1] ""\n"%(n)s people"\n'
    )
    assert po_entries(text) == {
        "Tag": "day",
        "Monat\x04Mai": "May",
        ("%(n)s Person", 0): "%(n)s person",
        ("%(n)s Person", 1): "%(n)s people",
    }
