import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_redirect_answering_htmx_becomes_a_client_redirect(client, idea_url):
    """Logged out, supporting redirects to the login page: htmx must navigate there,
    not swap the login page into the support box."""
    response = client.post(idea_url, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert response["HX-Redirect"].startswith(reverse("account_login"))
    assert response.content == b""


def test_without_htmx_a_redirect_stays_a_redirect(client, idea_url):
    response = client.post(idea_url)
    assert response.status_code == 302
    assert "HX-Redirect" not in response


@pytest.fixture
def idea_url(quarter):
    from quartier.participation.tests.factories import IdeaFactory

    idea = IdeaFactory(quarter=quarter)
    return reverse("participation:idea_support", args=[idea.pk])
