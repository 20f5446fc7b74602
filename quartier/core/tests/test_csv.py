"""The one CSV writer: formula cells defused, German/English/machine variants, no bypass."""

import ast
import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from quartier.community.tests.factories import OrganisationFactory, VacancyFactory
from quartier.core.csv import (
    ENGLISH_SPREADSHEET,
    FORMULA_STARTS,
    GERMAN_SPREADSHEET,
    MACHINE,
    Column,
    csv_text,
)

PACKAGE = Path(__file__).resolve().parents[2]
COLUMNS = [Column("title", "Titel"), Column("amount", "Betrag")]


def _parse(text: str, delimiter: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter))


@pytest.mark.parametrize("start", FORMULA_STARTS)
@pytest.mark.parametrize("variant", [GERMAN_SPREADSHEET, MACHINE])
def test_every_formula_start_is_defused(start, variant):
    text = csv_text(COLUMNS, [[f"{start}HYPERLINK(1)", 1]], variant=variant)
    cell = _parse(text, variant.delimiter)[1][0]
    assert cell == f"'{start}HYPERLINK(1)"


def test_numbers_stay_numbers_in_each_variant():
    rows = [["x", Decimal("-1234.50")], ["y", 7]]
    german = _parse(csv_text(COLUMNS, rows, variant=GERMAN_SPREADSHEET), ";")
    assert german[1:] == [["x", "-1234,50"], ["y", "7"]]
    machine = _parse(csv_text(COLUMNS, rows, variant=MACHINE), ",")
    assert machine[0] == ["title", "amount"]
    assert machine[1:] == [["x", "-1234.50"], ["y", "7"]]


def test_variants_byte_order_mark_and_separator():
    german = csv_text(COLUMNS, [["a", Decimal("1.5")]], variant=GERMAN_SPREADSHEET)
    assert german.startswith("\ufeffTitel;Betrag\r\n")
    english = csv_text(COLUMNS, [["a", Decimal("1.5")]], variant=ENGLISH_SPREADSHEET)
    assert english.startswith("\ufeffTitel,Betrag\r\n") and "a,1.5" in english
    assert not csv_text(COLUMNS, [], variant=MACHINE).startswith("\ufeff")


def _csv_writers(path: Path) -> list[str]:
    """`csv.writer`/`csv.DictWriter` uses in one module (reading CSV is fine)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr in {"writer", "DictWriter"}
        and isinstance(node.value, ast.Name)
        and node.value.id == "csv"
    ]


def test_no_export_writes_csv_itself():
    """Guard: every export goes through quartier/core/csv.py, so none can forget to escape."""
    offenders = [
        hit
        for path in PACKAGE.rglob("*.py")
        if "tests" not in path.parts and path != PACKAGE / "core" / "csv.py"
        for hit in _csv_writers(path)
    ]
    assert offenders == []
    assert _csv_writers(PACKAGE / "core" / "csv.py")  # the walk sees a real use


@pytest.mark.django_db
def test_community_exports_defuse_user_titles(client, quarter, manager):
    VacancyFactory(quarter=quarter, title='=HYPERLINK("http://x.example","Klick")')
    org = OrganisationFactory(name="@SUMME(1+1)")
    org.quarters.add(quarter)
    client.force_login(manager)
    vacancies = _parse(
        client.get(reverse("community:vacancy_export")).content.decode(), ";"
    )
    assert vacancies[1][0] == '\'=HYPERLINK("http://x.example","Klick")'
    organisations = _parse(
        client.get(reverse("community:organisation_export")).content.decode(), ";"
    )
    assert "'@SUMME(1+1)" in [row[0] for row in organisations]


@pytest.mark.django_db
def test_german_export_opens_in_a_german_spreadsheet(client, quarter, manager):
    VacancyFactory(quarter=quarter, title="Laden", area_m2=Decimal("85.5"))
    client.force_login(manager)
    body = client.get(reverse("community:vacancy_export")).content.decode("utf-8")
    assert body.startswith("\ufeff")
    rows = _parse(body, ";")
    assert rows[0][:4] == ["Titel", "Quartier", "Adresse", "Fläche (m²)"]
    assert rows[1][3] == "85,5"


@pytest.mark.django_db
def test_english_export_has_english_headers(client, quarter, manager):
    VacancyFactory(quarter=quarter, title="Shop", area_m2=Decimal("85.5"))
    client.force_login(manager)
    with translation.override("en"):
        url = reverse("community:vacancy_export")
        body = client.get(url).content.decode()
    assert url.startswith("/en/")
    rows = _parse(body, ",")
    assert rows[0][:4] == ["Title", "Quarter", "Address", "Area (m²)"]
    assert rows[1][3] == "85.5"


@pytest.mark.django_db
def test_machine_readable_variant(client, quarter, manager):
    VacancyFactory(quarter=quarter, title="Laden", area_m2=Decimal("85.5"))
    client.force_login(manager)
    response = client.get(
        reverse("community:vacancy_export"), {"variante": "maschinenlesbar"}
    )
    body = response.content.decode("utf-8")
    assert not body.startswith("\ufeff")
    assert "maschinenlesbar" in response["Content-Disposition"]
    rows = _parse(body, ",")
    assert rows[0][:4] == ["title", "quarter", "address", "area_m2"]
    assert rows[1][3] == "85.5"
    assert rows[1][8] in {"true", "false"}


@pytest.mark.django_db
def test_page_explains_both_variants(client, quarter, manager):
    client.force_login(manager)
    page = client.get(reverse("community:vacancy_history")).content.decode()
    assert "Doppelklick" in page
    assert "variante=maschinenlesbar" in page
