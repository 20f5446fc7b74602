"""Floor plans: checked by their bytes, stored under random names, served like the listing."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quartier.community.models import Vacancy

from .factories import VacancyFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

pytestmark = pytest.mark.django_db


def _plan(content=PDF, name="Grundriss Müller.pdf"):
    return SimpleUploadedFile(name, content, "application/pdf")


@pytest.mark.parametrize(
    "content",
    [
        b"<?php system($_GET['c']); ?>",  # PHP named .pdf
        b"<html><script>alert(1)</script></html>",
        b"%PDF-1.4\n<?php system($_GET['c']); ?>\n%%EOF\n",  # PDF header, PHP inside
        b"%PDF-1.4\nno trailer",
    ],
)
def test_anything_but_a_pdf_is_refused(quarter, content):
    vacancy = VacancyFactory.build(quarter=quarter, floor_plan=_plan(content))
    with pytest.raises(ValidationError):
        vacancy.full_clean()


def test_submit_form_refuses_php_named_pdf(client, resident, quarter):
    from .test_vacancy_submit import _data

    client.force_login(resident)
    response = client.post(
        reverse("community:vacancy_submit"),
        _data(quarter, floor_plan=_plan(b"<?php echo 1; ?>")),
    )
    assert response.status_code == 200
    assert "kein PDF" in response.content.decode()
    assert not Vacancy.objects.exists()


def test_stored_under_a_random_name_outside_public_media(quarter):
    from quartier.core.media import public_media_path

    vacancy = VacancyFactory(quarter=quarter, floor_plan=_plan())
    assert "Müller" not in vacancy.floor_plan.name
    assert vacancy.floor_plan.name.endswith(".pdf")
    assert public_media_path(vacancy.floor_plan.name) is None


@pytest.mark.parametrize(
    ("published", "role", "status"),
    [
        (True, "anonymous", 200),
        (True, "other_manager", 200),
        (False, "anonymous", 404),
        (False, "resident", 404),
        (False, "other_manager", 404),
        (False, "manager", 200),
        (False, "city_admin", 200),
    ],
)
def test_floor_plan_is_served_only_where_the_listing_is_seen(
    client, login_as, quarter, published, role, status
):
    vacancy = VacancyFactory(
        quarter=quarter, floor_plan=_plan(), is_published=published
    )
    login_as(role)
    response = client.get(vacancy.get_floor_plan_url())
    assert response.status_code == status
    if status == 200:
        assert response["Content-Type"] == "application/pdf"
        assert b"".join(response.streaming_content) == PDF
        assert "private" in response["Cache-Control"]


def test_no_floor_plan_is_a_404(client, quarter):
    vacancy = VacancyFactory(quarter=quarter)
    assert client.get(vacancy.get_floor_plan_url()).status_code == 404
