import pytest
from django.urls import reverse

from quartier.accounts.tests.factories import UserFactory
from quartier.participation.models import Idea, QuarterParticipationSettings, Visibility

from .factories import CategoryFactory


def _data(quarter, **extra):
    point = quarter.shape.representative_point()
    return {
        "title": "Neue Bänke",
        "description": "Am Weg zum Markt.",
        "category": CategoryFactory().pk,
        "place": "Heiligenweg",
        "longitude": point.x,
        "latitude": point.y,
        **extra,
    }


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("resident", 200),
        ("moderator", 200),
        ("manager", 200),
        ("other_manager", 200),
        ("city_admin", 200),
    ],
)
@pytest.mark.django_db
def test_form_access(client, login_as, quarter, role, status):
    login_as(role)
    url = reverse("participation:idea_create", args=[quarter.slug])
    assert client.get(url).status_code == status


@pytest.mark.django_db
def test_unverified_account_cannot_post(client, quarter):
    client.force_login(UserFactory(verified=False))
    url = reverse("participation:idea_create", args=[quarter.slug])
    response = client.post(url, _data(quarter))
    assert response.status_code == 403
    assert "bestätigen" in response.content.decode()
    assert not Idea.objects.exists()


@pytest.mark.django_db
def test_resident_posts_idea_with_point(client, resident, quarter):
    client.force_login(resident)
    response = client.post(
        reverse("participation:idea_create", args=[quarter.slug]), _data(quarter)
    )
    idea = Idea.objects.get()
    assert response.url == idea.get_absolute_url()
    assert idea.author == resident and idea.quarter == quarter
    assert idea.visibility == Visibility.VISIBLE
    assert quarter.contains(idea.longitude, idea.latitude)


@pytest.mark.django_db
def test_place_text_without_point_is_enough(client, resident, quarter):
    client.force_login(resident)
    data = _data(quarter, longitude="", latitude="")
    client.post(reverse("participation:idea_create", args=[quarter.slug]), data)
    assert Idea.objects.get().place == "Heiligenweg"


@pytest.mark.django_db
def test_point_outside_quarter_is_rejected(client, resident, quarter):
    client.force_login(resident)
    data = _data(quarter, longitude=7.0, latitude=51.0)
    response = client.post(
        reverse("participation:idea_create", args=[quarter.slug]), data
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "liegt nicht in" in body
    assert 'aria-invalid="true"' in body
    assert not Idea.objects.exists()


@pytest.mark.django_db
def test_half_a_point_is_rejected(client, resident, quarter):
    client.force_login(resident)
    data = _data(quarter, latitude="")
    response = client.post(
        reverse("participation:idea_create", args=[quarter.slug]), data
    )
    assert "zusammen" in response.content.decode()
    assert not Idea.objects.exists()


@pytest.mark.django_db
def test_pre_moderation_holds_idea_back(client, resident, quarter):
    QuarterParticipationSettings.objects.create(quarter=quarter, moderation="pre")
    client.force_login(resident)
    client.post(
        reverse("participation:idea_create", args=[quarter.slug]), _data(quarter)
    )
    idea = Idea.objects.get()
    assert idea.visibility == Visibility.PENDING
    assert (
        "Neue Bänke"
        not in client.get(reverse("participation:idea_list")).content.decode()
    )
    client.logout()
    assert client.get(idea.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_rate_limit_on_ideas(client, resident, quarter):
    client.force_login(resident)
    url = reverse("participation:idea_create", args=[quarter.slug])
    for _ in range(5):
        client.post(url, _data(quarter))
    response = client.post(url, _data(quarter))
    assert response.status_code == 200
    assert "später noch einmal" in response.content.decode()
    assert Idea.objects.count() == 5
