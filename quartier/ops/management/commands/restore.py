from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from quartier.ops.backup import RestoreError, backup_restore


class Command(BaseCommand):
    help = (
        "Restores a backup directory into an empty installation (no tables, no media) "
        "after checking every checksum, then compares the row counts."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)

    def handle(self, *args, folder: Path, **options):
        try:
            comparison = backup_restore(folder=folder)
        except RestoreError as error:
            raise CommandError(str(error)) from error
        rows = sum(saved for saved, _ in comparison.values())
        self.stdout.write(
            f"Restored {len(comparison)} tables with {rows} rows; every count matches."
        )
