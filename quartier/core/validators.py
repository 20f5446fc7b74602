"""Validators every app shares."""

import re

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

LINK_SCHEMES = ("http", "https", "mailto", "tel")

# Browsers drop control characters and whitespace inside a scheme ("java\tscript:"),
# so they are dropped before looking at it.
_IGNORED_BY_BROWSERS = re.compile(r"[\x00-\x20\x7f-\xa0\u200b-\u200f\ufeff]+")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):", re.IGNORECASE)


def link_scheme_allowed(url: str) -> bool:
    """True for http(s), mailto and tel links and for links inside the site.

    Inside the site means a path ("/veranstaltungen/"), a query or a fragment; never
    "//host" or "/\\host", which browsers read as another host.
    """
    compact = _IGNORED_BY_BROWSERS.sub("", url)
    if not compact:
        return True
    if compact.startswith(("/", "?", "#")):
        return not compact.startswith(("//", "/\\")) and "\\" not in compact[:2]
    match = _SCHEME.match(compact)
    return bool(match) and match[1].lower() in LINK_SCHEMES


@deconstructible
class LinkSchemeValidator:
    """Refuses javascript:, data: and every other scheme that is not a plain link."""

    message = _(
        "Bitte eine Adresse mit http://, https://, mailto: oder tel: angeben, "
        "oder einen Pfad auf dieser Website wie /veranstaltungen/."
    )
    code = "link_scheme"

    def __call__(self, value) -> None:
        if value and not link_scheme_allowed(str(value)):
            raise ValidationError(self.message, code=self.code)

    def __eq__(self, other) -> bool:
        return isinstance(other, LinkSchemeValidator)


validate_link = LinkSchemeValidator()
