"""Recompute the portal's own figures (ideas, dates, offers, vacancy rate) per quarter."""

from django.core.management.base import BaseCommand

from quartier.monitoring.services import index_recompute, portal_figures_compute


class Command(BaseCommand):
    help = "Computes this year's (provisional) and earlier portal figures; run daily."

    def handle(self, *args, **options):
        written = portal_figures_compute()
        results = index_recompute()
        self.stdout.write(
            f"Portal-Kennzahlen: {written} Werte; Index: {results} Gebietswerte."
        )
