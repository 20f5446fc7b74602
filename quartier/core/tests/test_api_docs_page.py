"""The API documentation page is a page of the portal: language, <main>, one <h1>."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_api_docs_page_has_what_every_page_has(client):
    html = client.get(reverse("api:openapi-view")).content.decode()
    assert '<html lang="de">' in html
    assert html.count("<h1>") == 1 and html.count("<main>") == 1
    assert 'name="viewport"' in html and 'class="skip-link"' in html
