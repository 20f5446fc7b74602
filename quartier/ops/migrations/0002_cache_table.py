"""Create the database cache's table, so `migrate` alone prepares an installation."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    # Does nothing when CACHE_URL points at Redis; safe to run again.
    call_command("createcachetable", database=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [("ops", "0001_jobrun")]

    operations = [
        migrations.RunPython(
            create_cache_table, migrations.RunPython.noop, elidable=False
        )
    ]
