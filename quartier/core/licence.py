"""Licence and attribution that every open data response carries."""

from django.conf import settings

DL_DE_BY_2_0 = {
    "id": "dl-de/by-2-0",
    "name": "Datenlizenz Deutschland – Namensnennung – Version 2.0",
    "url": "https://www.govdata.de/dl-de/by-2-0",
}


def licence_info(dataset_path: str) -> dict:
    """dl-de/by-2-0 asks to name the provider, the licence with link and the dataset URI."""
    return {
        "license": DL_DE_BY_2_0,
        "attribution": f"{settings.WAGTAIL_SITE_NAME} ({settings.SITE_URL})",
        "dataset": f"{settings.SITE_URL}{dataset_path}",
    }
