"""The one CSV writer for every export: safe cells, two documented variants.

* **Spreadsheet** (the default link): opens by double-click. In German: UTF-8 with a
  byte order mark, `;` between cells, decimal comma, German headers, as German Excel
  and LibreOffice expect. In English: UTF-8 with BOM, `,` and decimal point, English
  headers.
* **Machine-readable** (`?variante=maschinenlesbar`): UTF-8 without BOM, `,`, decimal
  point, `true`/`false`, and fixed ASCII column keys that never change with the
  language, for scripts and open-data tools.

Every text cell that a spreadsheet would run as a formula (it starts with `=`, `+`,
`-`, `@`, a tab or a carriage return) gets a leading apostrophe, whoever wrote it. No
export may call `csv.writer` itself (a test walks the source), so no export can forget.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MACHINE_PARAM = "variante"
MACHINE_VALUE = "maschinenlesbar"
MACHINE_QUERY = f"?{MACHINE_PARAM}={MACHINE_VALUE}"


@dataclass(frozen=True)
class CsvVariant:
    delimiter: str
    decimal: str
    bom: bool
    machine: bool = False


GERMAN_SPREADSHEET = CsvVariant(delimiter=";", decimal=",", bom=True)
ENGLISH_SPREADSHEET = CsvVariant(delimiter=",", decimal=".", bom=True)
MACHINE = CsvVariant(delimiter=",", decimal=".", bom=False, machine=True)


@dataclass(frozen=True)
class Column:
    """`key` heads the machine-readable file, the translated `label` the spreadsheet."""

    key: str
    label: str


def variant_for(request: HttpRequest) -> CsvVariant:
    if request.GET.get(MACHINE_PARAM) == MACHINE_VALUE:
        return MACHINE
    if (get_language() or "de").startswith("de"):
        return GERMAN_SPREADSHEET
    return ENGLISH_SPREADSHEET


def escape_text(text: str) -> str:
    """Defuse a cell a spreadsheet would run as a formula (CSV injection)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def cell(value, variant: CsvVariant) -> str:
    """One value as text: numbers in the variant's notation, text always escaped."""
    if value is None:
        return ""
    if isinstance(value, bool):
        if variant.machine:
            return "true" if value else "false"
        return _("ja") if value else _("nein")
    if isinstance(value, int | Decimal | float):
        return str(value).replace(".", variant.decimal)
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    return escape_text(str(value))


def csv_text(
    columns: Sequence[Column], rows: Iterable[Sequence], *, variant: CsvVariant
) -> str:
    buffer = io.StringIO()
    if variant.bom:
        buffer.write("\ufeff")  # spreadsheet programs read UTF-8 only with a BOM
    writer = csv.writer(buffer, delimiter=variant.delimiter, lineterminator="\r\n")
    writer.writerow(
        [column.key if variant.machine else str(column.label) for column in columns]
    )
    for row in rows:
        writer.writerow([cell(value, variant) for value in row])
    return buffer.getvalue()


def csv_response(
    request: HttpRequest,
    filename: str,
    columns: Sequence[Column],
    rows: Iterable[Sequence],
) -> HttpResponse:
    """A download of `rows` in the variant the request asks for."""
    variant = variant_for(request)
    if variant.machine:
        filename = filename.removesuffix(".csv") + "-maschinenlesbar.csv"
    response = HttpResponse(
        csv_text(columns, rows, variant=variant),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
