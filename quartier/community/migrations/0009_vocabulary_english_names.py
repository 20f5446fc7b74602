"""English names for the languages and target groups 0004 created.

Only fills empty `name_en`, so names editors have already given stay.
"""

from django.db import migrations

LANGUAGES = {
    "de": "German",
    "en": "English",
    "tr": "Turkish",
    "ar": "Arabic",
    "ru": "Russian",
    "uk": "Ukrainian",
    "pl": "Polish",
    "ku": "Kurdish",
    "fa": "Persian",
    "fr": "French",
    "dgs": "German Sign Language",
}
TARGET_GROUPS = {
    "alle": "Everyone",
    "kinder": "Children",
    "jugendliche": "Young people",
    "familien": "Families",
    "senioren": "Older people",
    "neuzugewanderte": "Newcomers",
    "behinderung": "People with disabilities",
    "frauen": "Women",
}


def add(apps, schema_editor):
    Language = apps.get_model("community", "Language")
    TargetGroup = apps.get_model("community", "TargetGroup")
    for code, name in LANGUAGES.items():
        Language.objects.filter(code=code, name_en="").update(name_en=name)
    for slug, name in TARGET_GROUPS.items():
        TargetGroup.objects.filter(slug=slug, name_en="").update(name_en=name)


class Migration(migrations.Migration):
    dependencies = [("community", "0008_vocabulary_and_hours_in_english")]

    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
