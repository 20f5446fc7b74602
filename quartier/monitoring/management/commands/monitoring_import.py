"""Import a file of monitoring values: all rows or none, with a validation report."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from quartier.monitoring.permissions import can_import_values
from quartier.monitoring.services import values_import


class Command(BaseCommand):
    help = (
        "Imports monitoring values from a CSV file (German: gebiet;indikator;stichtag;"
        "wert;stand;hinweis, or machine-readable: area,indicator,date,value,status,note). "
        "Nothing is stored if any row fails; the same file twice changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument(
            "--user", required=True, help="E-mail of the city editor who imports."
        )
        parser.add_argument(
            "--check", action="store_true", help="Only check the file, store nothing."
        )

    def handle(self, *args, path: str, user: str, check: bool, **options):
        person = get_user_model().objects.filter(email__iexact=user).first()
        if person is None or not can_import_values(person):
            raise CommandError(f"{user}: no city editor with this e-mail address.")
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            raise CommandError(str(error)) from error
        report = values_import(
            data=data, filename=Path(path).name, user=person, dry_run=check
        )
        for note in report.parsed.notes:
            self.stdout.write(f"Zeile {note.line}: {note.message}")
        if report.parsed.errors:
            for error in report.parsed.errors:
                where = f"Zeile {error.line}" if error.line else "Datei"
                self.stderr.write(f"{where}: {error.message}")
            raise CommandError(
                f"{len(report.parsed.errors)} Fehler; nichts gespeichert."
            )
        if report.duplicate_of:
            self.stdout.write(
                f"Diese Datei wurde schon am {report.duplicate_of.created_at:%d.%m.%Y} "
                "importiert; nichts geändert."
            )
            return
        verb = "würden" if check else "wurden"
        self.stdout.write(
            f"{report.parsed.line_count} Zeilen: {report.created} neu, "
            f"{report.updated} geändert, {report.unchanged} unverändert ({verb} gespeichert)."
        )
        if report.stored:
            self.stdout.write(f"Index neu berechnet: {report.indices} Gebietswerte.")
