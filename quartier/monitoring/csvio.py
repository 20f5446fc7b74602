"""Reading value files and writing figures as CSV.

Two dialects, as everywhere in the portal: the German spreadsheet one (UTF-8 with BOM,
`;`, decimal comma, German headers) and a machine-readable one (UTF-8, `,`, decimal
point, English headers). The reader accepts both and tells them apart by the header.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Area, Indicator, Suppression, Value

# Column names: German spreadsheet headers and machine-readable English ones.
COLUMNS = {
    "area": ("gebiet", "area"),
    "indicator": ("indikator", "indicator"),
    "date": ("stichtag", "date"),
    "value": ("wert", "value"),
    "status": ("stand", "status"),
    "note": ("hinweis", "note"),
}
REQUIRED = ("area", "indicator", "date", "value")
STATUS_WORDS = {
    "": Value.Status.FINAL,
    "endgültig": Value.Status.FINAL,
    "final": Value.Status.FINAL,
    "vorläufig": Value.Status.PROVISIONAL,
    "provisional": Value.Status.PROVISIONAL,
}
MAX_ROWS = 200_000
# German numbers may group thousands with points: 9.813 or 1.234.567,5.
GERMAN_GROUPED = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$")


@dataclass(frozen=True)
class Problem:
    line: int  # 1 = the header line; 0 = the file as a whole
    message: str


@dataclass(frozen=True)
class Row:
    line: int
    area: Area
    indicator: Indicator
    date: dt.date
    value: Decimal | None
    suppressed: str
    status: str
    note: str


@dataclass
class ParsedFile:
    rows: list[Row] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    line_count: int = 0
    dialect: str = ""

    @property
    def is_valid(self) -> bool:
        return not self.errors and bool(self.rows)


def _decode(data: bytes) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def parse_number(text: str, *, german: bool) -> Decimal | None:
    """The number in `text`, or None. German files use a decimal comma."""
    text = text.strip().replace("\u2212", "-").replace(" ", "")
    if german:
        if GERMAN_GROUPED.match(text):
            text = text.replace(".", "")
        elif "." in text:
            return None  # "12.5" in a German file is ambiguous: refuse, never guess
        text = text.replace(",", ".")
    elif "," in text:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def parse_date(text: str) -> dt.date | None:
    text = text.strip()
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()  # noqa: DTZ007 - a date only
        except ValueError:
            continue
    return None


def read_values(data: bytes) -> ParsedFile:
    """Check every row of a value file and report all problems; store nothing.

    Checks: encoding, header, unknown area codes and indicators, duplicate rows,
    non-numeric values, percentages outside 0–100, negative counts, dates in the
    future, unknown status words. Suppression signs (".", "–", "/") are accepted and
    listed as notes.
    """
    parsed = ParsedFile()
    text = _decode(data)
    if text is None:
        parsed.errors.append(
            Problem(
                0,
                _(
                    "Die Datei ist nicht UTF-8-kodiert. Bitte als „CSV UTF-8“ speichern."
                ),
            )
        )
        return parsed
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        parsed.errors.append(Problem(0, _("Die Datei ist leer.")))
        return parsed
    german = lines[0].count(";") >= lines[0].count(",")
    parsed.dialect = "de" if german else "machine"
    reader = csv.reader(io.StringIO(text), delimiter=";" if german else ",")
    header = [h.strip().lower() for h in next(reader)]
    positions = {}
    for key, names in COLUMNS.items():
        for name in names:
            if name in header:
                positions[key] = header.index(name)
    missing = [
        COLUMNS[key][0 if german else 1] for key in REQUIRED if key not in positions
    ]
    if missing:
        parsed.errors.append(
            Problem(
                1,
                _("Es fehlen Spalten: %(columns)s. Erwartet: %(expected)s.")
                % {
                    "columns": ", ".join(missing),
                    "expected": ";".join(n[0] for n in COLUMNS.values())
                    if german
                    else ",".join(n[1] for n in COLUMNS.values()),
                },
            )
        )
        return parsed

    areas = {a.code: a for a in Area.objects.all()}
    indicators = {i.slug: i for i in Indicator.objects.all()}
    today = timezone.localdate()
    seen: dict[tuple, int] = {}
    for line, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        parsed.line_count += 1
        if parsed.line_count > MAX_ROWS:
            parsed.errors.append(
                Problem(0, _("Höchstens %(max)s Zeilen je Datei.") % {"max": MAX_ROWS})
            )
            return parsed

        def cell(key: str, cells=cells) -> str:
            index = positions.get(key)
            return (
                cells[index].strip() if index is not None and index < len(cells) else ""
            )

        problems = []
        area = areas.get(cell("area"))
        if area is None:
            problems.append(
                _("Unbekannter Gebietsschlüssel „%(code)s“.") % {"code": cell("area")}
            )
        indicator = indicators.get(cell("indicator"))
        if indicator is None:
            problems.append(
                _("Unbekannter Indikator „%(slug)s“.") % {"slug": cell("indicator")}
            )
        elif indicator.is_computed:
            problems.append(
                _("„%(slug)s“ berechnet das Portal selbst; bitte nicht importieren.")
                % {"slug": indicator.slug}
            )
        date = parse_date(cell("date"))
        if date is None:
            problems.append(
                _("Stichtag „%(text)s“ ist kein Datum (JJJJ-MM-TT oder TT.MM.JJJJ).")
                % {"text": cell("date")}
            )
        elif date > today:
            problems.append(
                _("Stichtag %(date)s liegt in der Zukunft.") % {"date": cell("date")}
            )
        raw = cell("value")
        suppressed = Suppression.from_marker(raw) if raw else None
        number = None
        if suppressed:
            parsed.notes.append(
                Problem(
                    line,
                    _("Wert „%(sign)s“: %(reason)s.")
                    % {"sign": raw, "reason": suppressed.label},
                )
            )
        elif not raw:
            problems.append(
                _("Der Wert fehlt. Für geheim gehaltene Werte bitte „.“ eintragen.")
            )
        else:
            number = parse_number(raw, german=german)
            if number is None:
                problems.append(
                    _("„%(text)s“ ist keine Zahl (Dezimaltrennzeichen: %(sep)s).")
                    % {"text": raw, "sep": _("Komma") if german else _("Punkt")}
                )
            elif (
                indicator is not None and indicator.is_share and not 0 <= number <= 100
            ):
                problems.append(
                    _("%(text)s liegt nicht zwischen 0 und 100 Prozent.")
                    % {"text": raw}
                )
            elif indicator is not None and number < 0:
                problems.append(_("%(text)s ist negativ.") % {"text": raw})
        status = STATUS_WORDS.get(cell("status").lower())
        if status is None:
            problems.append(
                _("Stand „%(text)s“ unbekannt: „vorläufig“ oder „endgültig“.")
                % {"text": cell("status")}
            )
        if area and indicator and date:
            key = (area.pk, indicator.pk, date)
            if key in seen:
                problems.append(
                    _("Doppelt: dieselbe Kombination steht schon in Zeile %(line)s.")
                    % {"line": seen[key]}
                )
            else:
                seen[key] = line
        if problems:
            parsed.errors.extend(Problem(line, message) for message in problems)
            continue
        parsed.rows.append(
            Row(
                line=line,
                area=area,
                indicator=indicator,
                date=date,
                value=number,
                suppressed=suppressed.value if suppressed else "",
                status=status,
                note=cell("note")[:300],
            )
        )
    if not parsed.line_count:
        parsed.errors.append(Problem(0, _("Die Datei enthält keine Werte.")))
    return parsed


# The columns of an indicator's download: German keys for the spreadsheet, English for
# scripts; both fixed, so a script written against one file reads the next.
CSV_KEYS_DE = (
    "gebiet",
    "gebietsname",
    "ebene",
    "indikator",
    "stichtag",
    "wert",
    "stand",
    "hinweis",
    "einheit",
    "quelle",
    "lizenz",
    "demo",
)
CSV_KEYS_EN = (
    "area",
    "area_name",
    "level",
    "indicator",
    "date",
    "value",
    "status",
    "note",
    "unit",
    "source",
    "licence",
    "demo",
)


def exact_number(value: Decimal) -> Decimal:
    """The stored value without trailing zeros: the CSV says what the API says."""
    return Decimal(format(value.normalize(), "f"))
