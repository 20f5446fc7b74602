"""Real files for upload tests: uploads are checked by their bytes, so fakes fail."""

import io

from PIL import Image


def image_bytes(image_format: str = "PNG", width: int = 2, height: int = 2) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), "white").save(out, image_format)
    return out.getvalue()
