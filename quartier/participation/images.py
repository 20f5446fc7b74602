"""Uploaded images: check type and size, drop EXIF (GPS!), shrink, re-encode."""

from __future__ import annotations

import io
import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 8 * 1024 * 1024
MAX_PIXELS = 40_000_000  # refuse decompression bombs before decoding
MAX_SIDE = 1600
FORMATS = {"JPEG", "PNG", "WEBP"}


def clean_upload(upload) -> ContentFile:
    """Return a fresh JPEG without metadata, or raise ValidationError in plain German."""
    if upload.size > MAX_BYTES:
        raise ValidationError(_("Das Bild ist größer als 8 MB."))
    try:
        with Image.open(upload) as probe:
            if probe.format not in FORMATS:
                raise ValidationError(
                    _("Bitte ein Bild als JPEG, PNG oder WebP hochladen.")
                )
            if probe.width * probe.height > MAX_PIXELS:
                raise ValidationError(_("Das Bild hat zu viele Bildpunkte."))
        upload.seek(0)
        with Image.open(upload) as image:
            image = ImageOps.exif_transpose(
                image
            )  # keep the orientation EXIF described
            image.thumbnail((MAX_SIDE, MAX_SIDE))
            if image.mode not in ("RGB", "L"):
                background = Image.new("RGB", image.size, "white")
                background.paste(image, mask=image.convert("RGBA").split()[-1])
                image = background
            out = io.BytesIO()
            # A new file written without exif=... carries no metadata at all.
            image.save(out, "JPEG", quality=85, optimize=True)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise ValidationError(_("Die Datei ist kein lesbares Bild.")) from error
    # A random name: the photo of an idea that is later hidden must not be findable
    # by guessing (the first upload of a month used to be ideas/<year>/<month>/idee.jpg).
    return ContentFile(out.getvalue(), name=f"{uuid.uuid4().hex}.jpg")
