"""Originals uploaded to the media library lose their metadata (EXIF, XMP, text chunks).

Phones write the place a photo was taken (GPS), the device and the time into it.
Wagtail serves renditions without it, but it keeps the original file and anyone
with its URL can download it. So the upload form stores a re-saved copy instead:
orientation applied, colour profile kept, JPEGs with their own quality tables
where no rotation is needed (no visible loss).
"""

from __future__ import annotations

import io
from typing import Any

from django.core.files.base import ContentFile
from PIL import Image, ImageOps
from wagtail.images.forms import BaseImageForm

ORIENTATION = 0x0112
SAVE_OPTIONS: dict[str, dict[str, Any]] = {
    "JPEG": {"quality": 92},
    "WEBP": {"quality": 90},
    "PNG": {},
}


def without_metadata(upload) -> ContentFile:
    """A copy of the uploaded JPEG, PNG or WebP with no metadata but its colour profile."""
    upload.seek(0)
    with Image.open(upload) as opened:
        image_format = opened.format or "PNG"
        profile = opened.info.get("icc_profile")
        options: dict[str, Any] = dict(SAVE_OPTIONS.get(image_format, {}))
        image: Image.Image = opened
        if opened.getexif().get(ORIENTATION, 1) != 1:
            image = ImageOps.exif_transpose(opened)
        elif image_format == "JPEG":
            # The original's quantisation tables: no loss from compressing twice.
            options = {"quality": "keep"}
        out = io.BytesIO()
        if profile:
            options["icc_profile"] = profile
        image.save(out, image_format, **options)
    upload.seek(0)
    return ContentFile(out.getvalue(), name=upload.name)


class ImageForm(BaseImageForm):
    """Wagtail's image form (WAGTAILIMAGES_IMAGE_FORM_BASE): single, multiple and chooser uploads."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data:
            return without_metadata(file)
        return file
