import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from quartier.participation.models import Idea, IdeaImage

from .factories import CategoryFactory


def _jpeg_with_gps(size=(3000, 2000)) -> SimpleUploadedFile:
    image = Image.new("RGB", size, "green")
    exif = Image.Exif()
    exif[0x010F] = "Kamera GmbH"  # Make
    exif[0x8825] = {2: (52, 17, 0)}  # GPSInfo: latitude
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return SimpleUploadedFile("foto.jpg", out.getvalue(), content_type="image/jpeg")


def _post(client, quarter, **files):
    return client.post(
        reverse("participation:idea_create", args=[quarter.slug]),
        {
            "title": "Bank",
            "description": "Hier.",
            "category": CategoryFactory().pk,
            "image_alt": "Eine grüne Wiese",
            **files,
        },
    )


@pytest.mark.django_db
def test_image_is_resized_and_exif_removed(client, resident, quarter):
    upload = _jpeg_with_gps()
    assert Image.open(io.BytesIO(upload.read())).getexif()  # the input has EXIF
    upload.seek(0)
    client.force_login(resident)
    _post(client, quarter, image=upload)
    stored = IdeaImage.objects.get()
    assert stored.alt_text == "Eine grüne Wiese"
    with Image.open(stored.image.path) as image:
        assert max(image.size) == 1600
        assert not image.getexif()
        assert "exif" not in image.info
    body = client.get(stored.idea.get_absolute_url()).content.decode()
    assert 'alt="Eine grüne Wiese"' in body


@pytest.mark.django_db
def test_non_image_is_rejected(client, resident, quarter):
    client.force_login(resident)
    fake = SimpleUploadedFile(
        "x.jpg", b"<script>alert(1)</script>", content_type="image/jpeg"
    )
    response = _post(client, quarter, image=fake)
    assert response.status_code == 200
    assert not Idea.objects.exists()


@pytest.mark.django_db
def test_gif_is_rejected(client, resident, quarter):
    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, "GIF")
    client.force_login(resident)
    response = _post(client, quarter, image=SimpleUploadedFile("a.gif", out.getvalue()))
    assert "JPEG, PNG oder WebP" in response.content.decode()
    assert not Idea.objects.exists()


@pytest.mark.django_db
def test_image_needs_a_description(client, resident, quarter):
    client.force_login(resident)
    response = client.post(
        reverse("participation:idea_create", args=[quarter.slug]),
        {"title": "Bank", "description": "Hier.", "image": _jpeg_with_gps((20, 20))},
    )
    assert "was das Bild zeigt" in response.content.decode()
    assert not Idea.objects.exists()
