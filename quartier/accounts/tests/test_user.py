import pytest

from quartier.accounts.models import User


@pytest.mark.django_db
def test_email_is_the_login_and_is_stored_lowercase():
    user = User.objects.create_user(
        email="Erika.Mustermann@Example.ORG", password="x-long-password-1"
    )
    assert user.email == "erika.mustermann@example.org"
    assert User.USERNAME_FIELD == "email"


@pytest.mark.django_db
def test_public_name_never_shows_the_email():
    anonymous_user = User.objects.create_user(email="erika@example.org")
    assert "erika" not in str(anonymous_user.public_name)
    named = User.objects.create_user(email="max@example.org", display_name="Max M.")
    assert named.public_name == "Max M."


@pytest.mark.django_db
def test_login_page_and_signup_page_render(client, site_tree):
    assert client.get("/konto/login/").status_code == 200
    assert client.get("/konto/signup/").status_code == 200
