"""400, 403, 404 and 500 in the site's layout and the language of the address."""

import pytest
from django.db import connection
from django.test import Client

pytestmark = pytest.mark.django_db

ERRORS = "quartier.core.tests.urls_errors"


def _in_layout(response, language: str, heading: str) -> str:
    body = response.content.decode()
    assert f'<html lang="{language}">' in body
    assert body.count("<h1>") == 1 and heading in body
    assert 'class="site-header"' in body and '<main id="main"' in body
    assert 'class="skip-link"' in body and "<footer" in body
    assert "Not Found" not in body and "Server Error" not in body
    return body


@pytest.mark.parametrize(
    ("path", "language", "heading"),
    [
        ("/gibtsnicht/", "de", "Diese Seite gibt es nicht"),
        ("/veranstaltungen/999/", "de", "Diese Seite gibt es nicht"),
        ("/mitmachen/ideen/999/", "de", "Diese Seite gibt es nicht"),
        ("/en/gibtsnicht/", "en", "This page does not exist"),
        ("/en/veranstaltungen/999/", "en", "This page does not exist"),
    ],
)
def test_not_found(client, site_tree, path, language, heading):
    response = client.get(path)
    assert response.status_code == 404
    body = _in_layout(response, language, heading)
    assert 'class="site-nav"' in body and "/veranstaltungen/" in body  # the menu


@pytest.mark.parametrize(
    ("path", "language", "heading"),
    [
        ("/test-verboten/", "de", "Kein Zugriff auf diese Seite"),
        ("/en/test-verboten/", "en", "No access to this page"),
    ],
)
def test_forbidden(client, settings, path, language, heading):
    settings.ROOT_URLCONF = ERRORS
    response = client.get(path)
    assert response.status_code == 403
    _in_layout(response, language, heading)


@pytest.mark.parametrize(
    ("path", "language", "heading"),
    [
        ("/de-gibt-es-nicht/", "de", "Das Formular ist abgelaufen"),
        ("/en/de-gibt-es-nicht/", "en", "The form has expired"),
    ],
)
def test_a_form_sent_without_its_csrf_cookie_explains_what_to_do(
    path, language, heading
):
    response = Client(enforce_csrf_checks=True).post(path, {"x": "1"})
    assert response.status_code == 403
    _in_layout(response, language, heading)


@pytest.mark.parametrize(
    ("path", "language", "heading"),
    [
        ("/test-ungueltig/", "de", "Diese Anfrage können wir nicht bearbeiten"),
        ("/en/test-ungueltig/", "en", "We cannot process this request"),
    ],
)
def test_bad_request(client, settings, path, language, heading):
    settings.ROOT_URLCONF = ERRORS
    response = client.get(path)
    assert response.status_code == 400
    _in_layout(response, language, heading)


def test_bad_request_for_a_host_we_do_not_serve(client):
    response = client.get("/", headers={"host": "evil.example"})
    assert response.status_code == 400
    _in_layout(response, "de", "Diese Anfrage können wir nicht bearbeiten")


def _refuse(execute, sql, params, many, context):
    raise AssertionError(f"the error page queried the database: {sql}")


@pytest.mark.parametrize(
    ("path", "language", "heading"),
    [
        ("/test-kaputt/", "de", "Hier ist etwas schiefgegangen"),
        ("/en/test-kaputt/", "en", "Something went wrong here"),
    ],
)
def test_server_error_renders_without_the_database(
    client, settings, path, language, heading
):
    settings.ROOT_URLCONF = ERRORS
    client.raise_request_exception = False
    with connection.execute_wrapper(_refuse):
        response = client.get(path)
    assert response.status_code == 500
    body = _in_layout(response, language, heading)
    assert 'class="site-nav"' in body and "/veranstaltungen/" in body  # the menu
