from django.core.management.base import BaseCommand

from quartier.community.services import help_posts_send_reminders


class Command(BaseCommand):
    help = "Reminds authors of Biete/Suche posts that expire soon. Run once a day."

    def handle(self, *args, **options):
        count = help_posts_send_reminders()
        self.stdout.write(f"{count} Erinnerungen eingeplant.")
