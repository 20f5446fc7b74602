"""Paths in the visitor's language.

German lives at `/`, English under `/en/` (`i18n_patterns` with
`prefix_default_language=False`). Django's `translate_url` resolves a path in the
*active* language, so on an English page `translate_url("/veranstaltungen/", "en")`
fails to resolve and returns the German path unchanged: that sent English readers
back to German after one click.
"""

from django.conf import settings
from django.urls import translate_url
from django.utils import translation


def localized_path(path: str, language: str) -> str:
    """The German (default-language) `path` as it reads in `language`."""
    # Resolve in German, where the path is valid, then reverse in `language`.
    with translation.override(settings.LANGUAGE_CODE):
        return translate_url(path, language)
