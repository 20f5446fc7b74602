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
    return match is not None and match[1].lower() in LINK_SCHEMES


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


# Uploads are checked by their bytes, never by their names.
MAX_IMAGE_PIXELS = 40_000_000  # a 40-megapixel photo; more is a decompression bomb
_SCRIPT_MARKERS = re.compile(rb"<\?php|<script|<html|<!doctype html|<iframe", re.I)
_CHUNK = 1024 * 1024


def _contains_script(upload) -> bool:
    """Looks through the whole file in chunks (overlapping, so no marker is split)."""
    upload.seek(0)
    tail = b""
    while chunk := upload.read(_CHUNK):
        if _SCRIPT_MARKERS.search(tail + chunk):
            upload.seek(0)
            return True
        tail = chunk[-16:]
    upload.seek(0)
    return False


def _head_and_tail(upload, size: int = 1024) -> tuple[bytes, bytes]:
    upload.seek(0)
    head = upload.read(size)
    upload.seek(max(0, upload.size - size))
    tail = upload.read(size)
    upload.seek(0)
    return head, tail


def validate_pdf_upload(upload) -> None:
    """A real PDF: the %PDF- header, an %%EOF trailer, and no HTML or PHP inside."""
    if not upload:
        return
    head, tail = _head_and_tail(upload)
    if not head.startswith(b"%PDF-") or b"%%EOF" not in tail:
        raise ValidationError(_("Die Datei ist kein PDF."), code="not_pdf")
    if _contains_script(upload):
        raise ValidationError(
            _("Die Datei enthält Programmcode und wird nicht angenommen."),
            code="script",
        )


def validate_image_upload(upload, formats: tuple[str, ...] = ("JPEG", "PNG")) -> None:
    """A decodable image of one of `formats`, at most MAX_IMAGE_PIXELS, no code."""
    from PIL import Image, UnidentifiedImageError

    if not upload:
        return
    unreadable = ValidationError(
        _("Die Datei ist kein lesbares Bild."), code="not_image"
    )
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            # The header is enough to see a decompression bomb: refuse before decoding.
            if image.width * image.height > MAX_IMAGE_PIXELS:
                raise ValidationError(
                    _("Das Bild hat zu viele Bildpunkte."), code="too_many_pixels"
                )
            if image.format not in formats:
                raise unreadable
            image.load()  # a header followed by anything else does not decode
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise unreadable from error
    finally:
        upload.seek(0)
    if _contains_script(upload):
        raise ValidationError(
            _("Die Datei enthält Programmcode und wird nicht angenommen."),
            code="script",
        )
