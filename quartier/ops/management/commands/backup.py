from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from quartier.ops.backup import backup_create


class Command(BaseCommand):
    help = (
        "Writes the database, the media files and a manifest with checksums to a new "
        "directory (owner-only permissions: it holds personal data)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            default=Path(settings.BASE_DIR) / "var" / "backups",
            help="Directory to create the backup in (default: var/backups).",
        )
        parser.add_argument(
            "--skip-media",
            action="store_true",
            help="Only the database (media in object storage are backed up there).",
        )

    def handle(self, *args, output: Path, skip_media: bool, **options):
        folder = backup_create(target=output, include_media=not skip_media)
        self.stdout.write(str(folder))
