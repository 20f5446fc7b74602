import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from quartier.participation.models import IdeaImage
from quartier.participation.services import IDEA_IMAGES_MAX

from .factories import IdeaFactory


def _jpeg() -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", (2400, 1200), "green").save(out, "JPEG")
    return SimpleUploadedFile("foto.jpg", out.getvalue(), content_type="image/jpeg")


def _post(client, idea, **data):
    url = reverse("participation:idea_image_add", args=[idea.pk])
    return client.post(url, {"image": _jpeg(), "image_alt": "Die Ecke heute", **data})


@pytest.fixture
def idea(resident, quarter):
    return IdeaFactory(author=resident, quarter=quarter)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("resident", 302),  # the author: added, back to the idea
        ("org_rep", 404),
        ("moderator", 404),
        ("manager", 404),
        ("other_manager", 404),
        ("city_admin", 404),
    ],
)
def test_only_the_author_adds_images(client, login_as, idea, role, status):
    login_as(role)
    response = _post(client, idea)
    assert response.status_code == status
    assert IdeaImage.objects.filter(idea=idea).exists() is (role == "resident")


@pytest.mark.django_db
def test_added_image_is_resized_and_shown(client, resident, idea):
    client.force_login(resident)
    _post(client, idea)
    image = IdeaImage.objects.get(idea=idea)
    assert max(image.width, image.height) <= 1600
    html = client.get(
        reverse("participation:idea_detail", args=[idea.pk])
    ).content.decode()
    assert 'alt="Die Ecke heute"' in html


@pytest.mark.django_db
def test_image_names_cannot_be_guessed(client, resident, idea):
    """A hidden idea's photo stays public by its address, so that must be unguessable."""
    client.force_login(resident)
    _post(client, idea)
    _post(client, idea)
    names = [
        i.image.name.rsplit("/", 1)[-1] for i in IdeaImage.objects.filter(idea=idea)
    ]
    assert len(names) == 2 and len(set(names)) == 2
    assert all(re.fullmatch(r"[0-9a-f]{32}\.jpg", name) for name in names), names


@pytest.mark.django_db
def test_image_needs_a_description_and_keeps_nothing_half(client, resident, idea):
    client.force_login(resident)
    response = _post(client, idea, image_alt="")
    assert response.status_code == 200
    assert "id_image_alt_error" in response.content.decode()
    assert not IdeaImage.objects.exists()


@pytest.mark.django_db
def test_at_most_five_images(client, resident, idea):
    client.force_login(resident)
    for _ in range(IDEA_IMAGES_MAX):
        assert _post(client, idea).status_code == 302
    response = _post(client, idea)
    assert response.status_code == 200
    assert "höchstens 5 Bilder" in response.content.decode()
    assert IdeaImage.objects.filter(idea=idea).count() == IDEA_IMAGES_MAX
