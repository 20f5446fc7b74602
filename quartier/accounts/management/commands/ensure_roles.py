from django.core.management.base import BaseCommand

from quartier.accounts.services import roles_ensure


class Command(BaseCommand):
    help = "Creates the groups Stadtredaktion and Moderation with their permissions."

    def handle(self, *args, **options):
        roles_ensure()
        self.stdout.write("Rollen sind eingerichtet.")
