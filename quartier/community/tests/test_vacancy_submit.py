import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quartier.accounts.tests.factories import UserFactory
from quartier.community.models import Vacancy

from .factories import old_token

pytestmark = pytest.mark.django_db


def _data(quarter, **extra):
    return {
        "quarter": quarter.pk,
        "title": "Ladenlokal am Markt",
        "street": "Musterstraße 3",
        "postcode": "49084",
        "area_m2": "72",
        "use_class": Vacancy.UseClass.choices[0][0],
        "contact_email": "eigentuemerin@example.org",
        "form_token": old_token(),
        **extra,
    }


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("resident", 200), ("manager", 200), ("unverified", 404)],
)
def test_who_may_list_a_vacancy(client, request, role, status):
    user = (
        UserFactory(verified=False)
        if role == "unverified"
        else request.getfixturevalue(role)
    )
    if user:
        client.force_login(user)
    assert client.get(reverse("community:vacancy_submit")).status_code == status


def test_owner_listing_waits_for_the_team(
    client, resident, manager, quarter, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(resident)
    plan = SimpleUploadedFile(
        "grundriss.pdf", b"%PDF-1.4\n%test\n%%EOF\n", content_type="application/pdf"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("community:vacancy_submit"), _data(quarter, floor_plan=plan)
        )
    assert response.status_code == 302
    vacancy = Vacancy.objects.get()
    assert vacancy.submitted_by == resident and not vacancy.is_published
    assert not Vacancy.objects.listed().exists()  # not public before the check
    assert [m.to for m in mailoutbox] == [[manager.email]]
    assert "Ladenlokal am Markt" in mailoutbox[0].subject


def test_errors_keep_what_was_typed(client, resident, quarter):
    client.force_login(resident)
    response = client.post(
        reverse("community:vacancy_submit"),
        _data(quarter, area_m2="", floor_plan=SimpleUploadedFile("plan.docx", b"x")),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Ladenlokal am Markt"' in html
    assert "PDF" in html
    assert not Vacancy.objects.exists()


def test_vacancy_shows_all_its_photos_with_descriptions(client, quarter):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    from quartier.community.models import VacancyPhoto

    from .factories import VacancyFactory

    vacancy = VacancyFactory(quarter=quarter)
    for caption in ["Schaufenster zur Straße", "Lager im Hinterhof"]:
        image = Image.objects.create(title=caption, file=get_test_image_file())
        VacancyPhoto.objects.create(vacancy=vacancy, image=image, caption=caption)
    html = client.get(vacancy.get_absolute_url()).content.decode()
    assert 'alt="Schaufenster zur Straße"' in html
    assert 'alt="Lager im Hinterhof"' in html
