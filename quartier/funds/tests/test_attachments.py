import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quartier.core.tests.files import image_bytes
from quartier.funds.forms import MAX_UPLOAD_BYTES
from quartier.funds.models import Attachment, Status

PDF = b"%PDF-1.4\n%demo\n%%EOF\n"


def _upload(client, application, name="plan.pdf", content=PDF, kind="application"):
    return client.post(
        reverse("funds:attachment_upload", args=[application.pk]),
        {"kind": kind, "file": SimpleUploadedFile(name, content)},
    )


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("applicant", 302),
        ("other_resident", 404),
        ("manager", 404),
        ("other_manager", 404),
        ("jury", 404),
        ("jury_conflicted", 404),
        ("city_admin", 404),
    ],
)
def test_upload_access(client, login_as, make_application, role, status):
    draft = make_application(status=Status.DRAFT)
    user = login_as(role)
    assert _upload(client, draft).status_code == status
    assert draft.attachments.exists() is (user is not None and status == 302)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("rechnung.exe", b"MZ\x90\x00"),
        ("rechnung.pdf", b"MZ\x90\x00 not a pdf"),
        ("foto.png", b"\xff\xd8\xff\xe0 a jpeg named png"),
    ],
)
def test_upload_checks_the_type_by_content(
    client, make_application, applicant, name, content
):
    draft = make_application(status=Status.DRAFT)
    client.force_login(applicant)
    response = _upload(client, draft, name=name, content=content)
    assert response.status_code == 200
    assert "PDF-, JPG- oder PNG-Datei" in response.content.decode()
    assert not draft.attachments.exists()


def test_upload_checks_the_size(client, make_application, applicant):
    draft = make_application(status=Status.DRAFT)
    client.force_login(applicant)
    response = _upload(client, draft, content=PDF + b"0" * MAX_UPLOAD_BYTES)
    assert "größer als 10 MB" in response.content.decode()


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("applicant", 200),
        ("other_resident", 404),
        ("manager", 200),
        ("other_manager", 404),
        ("jury", 404),
        ("jury_conflicted", 404),
        ("city_admin", 200),
    ],
)
def test_download_access(client, login_as, make_application, applicant, role, status):
    draft = make_application(status=Status.DRAFT)
    client.force_login(applicant)
    _upload(client, draft)
    draft.status = Status.READY
    draft.save()
    client.logout()
    login_as(role)
    attachment = Attachment.objects.get()
    assert client.get(attachment.get_absolute_url()).status_code == status


def _png(width=2, height=2) -> bytes:
    return image_bytes("PNG", width, height)


def _png_claiming(width: int, height: int) -> bytes:
    """A small PNG whose header claims `width` × `height`: a decompression bomb."""
    import struct
    import zlib

    data = bytearray(_png())
    ihdr = struct.pack(">II", width, height) + bytes(data[24:29])
    data[16:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    return bytes(data)


def _jpeg() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(out, "JPEG")
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("foto.jpg", b"\xff\xd8\xff\xe0" + b"<?php system($_GET['c']); ?>", "Bild"),
        ("foto.jpg", _jpeg() + b"<?php system($_GET['c']); ?>", "Programmcode"),
        ("plan.png", _png_claiming(100_000, 100_000), "Bild"),
        ("plan.png", _png_claiming(10_000, 5_000), "zu viele Bildpunkte"),
        ("beleg.pdf", b"%PDF-1.4\n<?php echo 1; ?>\n%%EOF\n", "Programmcode"),
    ],
)
def test_upload_checks_the_whole_content(
    client, make_application, applicant, name, content, message
):
    draft = make_application(status=Status.DRAFT)
    client.force_login(applicant)
    response = _upload(client, draft, name=name, content=content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not draft.attachments.exists()


@pytest.mark.parametrize(("name", "content"), [("a.png", _png()), ("b.jpg", _jpeg())])
def test_real_images_are_accepted(client, make_application, applicant, name, content):
    draft = make_application(status=Status.DRAFT)
    client.force_login(applicant)
    assert _upload(client, draft, name=name, content=content).status_code == 302
    assert draft.attachments.count() == 1


def test_download_behind_nginx_is_an_internal_redirect(
    client, settings, make_application, applicant
):
    settings.QUARTIER_ATTACHMENTS_ACCEL_REDIRECT = "/_attachments/"
    draft = make_application(status=Status.DRAFT)
    client.force_login(applicant)
    _upload(client, draft)
    attachment = Attachment.objects.get()
    response = client.get(attachment.get_absolute_url())
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == "/_attachments/" + attachment.file.name
    assert "attachment" in response["Content-Disposition"]
    assert response.content == b""
