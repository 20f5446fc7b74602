"""Load the Osnabrück demo: page tree, quarters, accounts. Safe to run again."""

import secrets
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from quartier.accounts import demo as accounts_demo
from quartier.cms.demo import seed as cms_demo
from quartier.community import demo as community_demo
from quartier.events import demo as events_demo
from quartier.funds import demo as funds_demo
from quartier.measures import demo as measures_demo
from quartier.monitoring import demo as monitoring_demo
from quartier.participation import demo as participation_demo
from quartier.quarters import demo as quarters_demo


class Command(BaseCommand):
    help = "Loads the Osnabrück demo data (idempotent) and prints the demo logins."

    def add_arguments(self, parser):
        parser.add_argument(
            "--password-file",
            default=str(Path(settings.BASE_DIR) / "var" / "demo-password.txt"),
        )

    def handle(self, *args, password_file: str, **options):

        password = self._password(Path(password_file))
        with transaction.atomic():
            cms_demo.seed_site()
            created = quarters_demo.seed()
            cms_demo.seed_quarter_pages()
            cms_demo.seed_translations()
            logins = accounts_demo.seed(password)
            participation_demo.seed()
            measures_demo.seed()
            logins += community_demo.seed(password)
            logins += funds_demo.seed(password)
            events_demo.seed()
            # Last: the portal figures count the ideas, events and offers above.
            monitoring_demo.seed()
        self.stdout.write(
            f"Demo-Daten: {len(created)} Quartiere neu angelegt."
            if created
            else "Demo-Daten: aktuell."
        )
        self.stdout.write(f"\nAnmeldung (Passwort für alle: {password}):")
        for role, email in logins:
            self.stdout.write(f"  {role:<48} {email}")

    def _password(self, path: Path) -> str:
        """One random password per installation, kept so a second run prints the same."""
        if path.exists():
            return path.read_text(encoding="utf-8").strip()
        path.parent.mkdir(parents=True, exist_ok=True)
        password = secrets.token_urlsafe(12)
        path.write_text(password + "\n", encoding="utf-8")
        path.chmod(0o600)
        return password
