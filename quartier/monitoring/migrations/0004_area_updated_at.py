import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("monitoring", "0003_link_scheme_validator"),
    ]

    operations = [
        migrations.AddField(
            model_name="area",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True,
                default=django.utils.timezone.now,
                verbose_name="zuletzt geändert",
            ),
            preserve_default=False,
        ),
    ]
