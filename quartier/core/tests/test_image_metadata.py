"""Media-library uploads keep no EXIF: the original file is public to anyone with its URL."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Collection

from quartier.core.image_metadata import without_metadata

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def _photo(image_format="JPEG", orientation=1, size=(40, 20)) -> bytes:
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[ORIENTATION] = orientation
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (52.0, 17.0, 3.0)})
    out = io.BytesIO()
    image.save(out, image_format, exif=exif.tobytes(), quality=80)
    return out.getvalue()


def _stored(upload_bytes, name="urlaub.jpg"):
    return Image.open(without_metadata(SimpleUploadedFile(name, upload_bytes)))


@pytest.mark.parametrize("image_format", ["JPEG", "WEBP", "PNG"])
def test_metadata_is_gone_and_the_picture_stays(image_format):
    original = _photo(image_format)
    assert Image.open(io.BytesIO(original)).getexif()  # the fixture has EXIF
    stored = _stored(original)
    assert not stored.getexif()
    assert stored.format == image_format and stored.size == (40, 20)


def test_a_turned_phone_photo_is_stored_upright():
    stored = _stored(_photo(orientation=6))  # 6: rotate 90° clockwise to view
    assert stored.size == (20, 40) and not stored.getexif()


def test_the_admin_upload_stores_the_original_without_gps(admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Sommerfest",
            "file": SimpleUploadedFile("fest.jpg", _photo(), content_type="image/jpeg"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302
    image = get_image_model().objects.get(title="Sommerfest")
    with image.open_file() as stored:
        data = stored.read()
    assert b"PhoneMaker" not in data
    assert not Image.open(io.BytesIO(data)).getexif()
    assert (image.width, image.height) == (40, 20)
    assert image.file_size == len(data)
