"""The languages and target groups the directory filters by; editors can add more."""

from django.db import migrations

LANGUAGES = [
    ("de", "Deutsch"),
    ("en", "Englisch"),
    ("tr", "Türkisch"),
    ("ar", "Arabisch"),
    ("ru", "Russisch"),
    ("uk", "Ukrainisch"),
    ("pl", "Polnisch"),
    ("ku", "Kurdisch"),
    ("fa", "Persisch"),
    ("fr", "Französisch"),
    ("dgs", "Deutsche Gebärdensprache"),
]
TARGET_GROUPS = [
    ("alle", "Alle"),
    ("kinder", "Kinder"),
    ("jugendliche", "Jugendliche"),
    ("familien", "Familien"),
    ("senioren", "Ältere Menschen"),
    ("neuzugewanderte", "Neuzugewanderte"),
    ("behinderung", "Menschen mit Behinderung"),
    ("frauen", "Frauen"),
]


def add(apps, schema_editor):
    Language = apps.get_model("community", "Language")
    TargetGroup = apps.get_model("community", "TargetGroup")
    for order, (code, name) in enumerate(LANGUAGES):
        Language.objects.get_or_create(
            code=code, defaults={"name": name, "sort_order": order}
        )
    for order, (slug, name) in enumerate(TARGET_GROUPS):
        TargetGroup.objects.get_or_create(
            slug=slug, defaults={"name": name, "sort_order": order}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0003_language_targetgroup_vacancy_vacancyenquiry_and_more")
    ]
    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
