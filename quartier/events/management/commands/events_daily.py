"""Daily housekeeping for events; the worker runs it once a day (quartier/ops/jobs.py)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from quartier.events.models import Event
from quartier.events.services import occurrences_sync, registrations_anonymise
from quartier.events.tasks import send_reminders


class Command(BaseCommand):
    help = "Sends tomorrow's reminders, deletes expired personal data, extends series."

    def handle(self, *args, **options):
        reminded = send_reminders.call(today=timezone.localdate().isoformat())
        anonymised = registrations_anonymise()
        extended = 0
        # Open-ended series: keep the materialised window a year ahead.
        for event in Event.objects.published().exclude(rrule=""):
            extended += occurrences_sync(event=event)
        self.stdout.write(
            f"Erinnerungen: {reminded}, gelöschte Anmeldedaten: {anonymised}, "
            f"neue Termine: {extended}"
        )
