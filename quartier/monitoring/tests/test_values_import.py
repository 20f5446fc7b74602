import datetime as dt
from decimal import Decimal

import pytest
import time_machine

from quartier.monitoring.models import ImportRun, Suppression, Value
from quartier.monitoring.services import values_import

pytestmark = pytest.mark.django_db

HEADER = "gebiet;indikator;stichtag;wert;stand\n"


def _csv(*lines: str, header: str = HEADER) -> bytes:
    return ("\ufeff" + header + "\n".join(lines) + "\n").encode()


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(dt.datetime(2024, 6, 1, 12, tzinfo=dt.UTC), tick=False):
        yield


def test_valid_german_file_is_stored_with_history(
    districts, sgb2, inhabitants, resident
):
    data = _csv(
        "stadtteil-1;sgb2;31.12.2023;12,5;endgültig",
        "stadtteil-2;sgb2;2023-12-31;.;vorläufig",
        "stadtteil-1;einwohner;31.12.2023;9.813;",
    )
    report = values_import(data=data, filename="werte.csv", user=resident)
    assert report.stored and not report.parsed.errors
    assert report.created == 3
    value = Value.objects.get(area__code="stadtteil-1", indicator=sgb2)
    assert value.value == Decimal("12.5")
    assert Value.objects.get(indicator=inhabitants).value == 9813
    secret = Value.objects.get(area__code="stadtteil-2")
    assert secret.value is None and secret.suppressed == Suppression.SECRET
    assert secret.status == Value.Status.PROVISIONAL
    run = ImportRun.objects.get()
    assert (run.rows, run.created, run.suppressed, run.created_by) == (
        3,
        3,
        1,
        resident,
    )
    assert len(run.checksum) == 64


def test_machine_readable_file(districts, sgb2):
    data = b"area,indicator,date,value,status\nstadtteil-1,sgb2,2023-12-31,7.25,final\n"
    assert values_import(data=data, filename="x.csv").stored
    assert Value.objects.get().value == Decimal("7.25")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("unbekannt;sgb2;31.12.2023;1,0;", "Unbekannter Gebietsschlüssel"),
        ("stadtteil-1;gibtsnicht;31.12.2023;1,0;", "Unbekannter Indikator"),
        ("stadtteil-1;sgb2;31.12.2023;viel;", "keine Zahl"),
        ("stadtteil-1;sgb2;31.12.2023;12.5;", "keine Zahl"),
        ("stadtteil-1;sgb2;31.12.2023;100,5;", "nicht zwischen 0 und 100"),
        ("stadtteil-1;sgb2;31.12.2023;-1;", "nicht zwischen 0 und 100"),
        ("stadtteil-1;einwohner;31.12.2023;-5;", "negativ"),
        ("stadtteil-1;sgb2;31.12.2024;1,0;", "in der Zukunft"),
        ("stadtteil-1;sgb2;2023-13-01;1,0;", "kein Datum"),
        ("stadtteil-1;sgb2;31.12.2023;;", "Der Wert fehlt"),
        ("stadtteil-1;sgb2;31.12.2023;1,0;geschätzt", "Stand „geschätzt“ unbekannt"),
    ],
)
def test_each_broken_row_is_reported_and_nothing_stored(
    districts, sgb2, inhabitants, line, message
):
    data = _csv("stadtteil-2;sgb2;31.12.2023;3,0;", line)
    report = values_import(data=data, filename="kaputt.csv")
    assert not report.stored
    assert [p.line for p in report.parsed.errors] == [3]
    assert message in report.parsed.errors[0].message
    assert not Value.objects.exists()
    assert not ImportRun.objects.exists()


def test_duplicates_name_the_first_line(districts, sgb2):
    data = _csv("stadtteil-1;sgb2;31.12.2023;1,0;", "stadtteil-1;sgb2;2023-12-31;2,0;")
    report = values_import(data=data, filename="doppelt.csv")
    assert not report.stored
    assert "Zeile 2" in report.parsed.errors[0].message


def test_file_problems(districts, sgb2):
    assert (
        "UTF-8"
        in values_import(data="gebiet;wert\n\xe4".encode("latin-1"), filename="a")
        .parsed.errors[0]
        .message
    )
    missing = values_import(data=b"gebiet;indikator;wert\n", filename="a")
    assert "stichtag" in missing.parsed.errors[0].message
    assert "leer" in values_import(data=b"", filename="a").parsed.errors[0].message


def test_suppressed_markers_are_listed_as_notes(districts, sgb2):
    data = _csv("stadtteil-1;sgb2;31.12.2023;–;", "stadtteil-2;sgb2;31.12.2023;/;")
    report = values_import(data=data, filename="x.csv")
    assert report.stored
    assert len(report.parsed.notes) == 2
    assert set(Value.objects.values_list("suppressed", flat=True)) == {
        Suppression.NONE,
        Suppression.UNRELIABLE,
    }


def test_same_file_twice_changes_nothing(districts, sgb2):
    data = _csv("stadtteil-1;sgb2;31.12.2023;1,0;")
    values_import(data=data, filename="a.csv")
    before = list(Value.objects.values())
    again = values_import(data=data, filename="a.csv")
    assert not again.stored and again.duplicate_of is not None
    assert again.unchanged == 1 and again.created == again.updated == 0
    assert list(Value.objects.values()) == before
    assert ImportRun.objects.count() == 1


def test_corrected_file_updates_values(districts, sgb2):
    values_import(data=_csv("stadtteil-1;sgb2;31.12.2023;1,0;vorläufig"), filename="a")
    report = values_import(
        data=_csv(
            "stadtteil-1;sgb2;31.12.2023;1,5;endgültig",
            "stadtteil-2;sgb2;31.12.2023;2,0;",
        ),
        filename="b",
    )
    assert (report.created, report.updated, report.unchanged) == (1, 1, 0)
    value = Value.objects.get(area__code="stadtteil-1")
    assert value.value == Decimal("1.5") and value.status == Value.Status.FINAL


def test_dry_run_stores_nothing(districts, sgb2):
    report = values_import(
        data=_csv("stadtteil-1;sgb2;31.12.2023;1,0;"), filename="a", dry_run=True
    )
    assert report.created == 1 and not report.stored
    assert not Value.objects.exists()
