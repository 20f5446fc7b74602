"""Import the local street list for the Sanierungsgebiet address check."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from quartier.measures.services import addresses_import, read_address_csv

DEMO_CSV = Path(__file__).resolve().parents[2] / "data" / "demo-adressen-schinkel.csv"


class Command(BaseCommand):
    help = (
        "Imports addresses from a UTF-8 CSV with the columns "
        "street,house_number,postcode,lon,lat (WGS 84). Safe to run again. "
        "Without a path it loads the small fictional demo list shipped with the app."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=str(DEMO_CSV))

    def handle(self, *args, path: str, **options):
        try:
            created, updated = addresses_import(rows=read_address_csv(path))
        except (OSError, ValueError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Adressen: {created} neu, {updated} aktualisiert.")
