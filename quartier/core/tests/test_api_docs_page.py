"""The API reference is a page of the portal, built from the published schema."""

import pytest
from django.urls import reverse
from django.utils import translation
from html5lib import HTMLParser

from quartier.api.reference import kind_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(client):
    return client.get(reverse("api:openapi-json")).json()


def test_ninja_docs_address_leads_to_the_reference(client):
    response = client.get(reverse("api:openapi-view"))
    assert response.status_code == 302
    assert response.headers["Location"] == reverse("api_reference")


@pytest.mark.parametrize("name", ["api_reference", "api_formats"])
def test_api_docs_page_has_what_every_page_has(client, name):
    html = client.get(reverse(name)).content.decode()
    assert '<html lang="de">' in html
    assert html.count("<h1>") == 1 and html.count('<main id="main"') == 1
    assert 'name="viewport"' in html and 'class="skip-link"' in html
    assert "swagger" not in html.lower()  # readable without JavaScript
    HTMLParser(strict=True).parse(html)


def test_every_operation_parameter_and_format_of_the_schema_is_on_the_page(
    client, schema
):
    html = client.get(reverse("api_reference")).content.decode()
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            assert f'id="{operation["operationId"]}"' in html
            shown = (
                f'<span class="api-method">{method.upper()}</span> <code>{path}</code>'
            )
            assert shown in html
            for parameter in operation.get("parameters", []):
                assert f"<code>{parameter['name']}</code>" in html
            for status in operation["responses"]:
                assert f"<code>{status}</code>" in html
    assert f'href="{reverse("api:openapi-json")}"' in html
    formats = client.get(reverse("api_formats")).content.decode()
    for name, component in schema["components"]["schemas"].items():
        assert f'id="schema-{name}"' in formats
        for field in component.get("properties", {}):
            assert f"<code>{field}</code>" in formats


def test_links_to_formats_and_example_answers_resolve(client):
    html = client.get(reverse("api_reference")).content.decode()
    formats = client.get(reverse("api_formats")).content.decode()
    anchors = set(_values(formats, 'id="'))
    linked = _values(html, f'href="{reverse("api_formats")}#') + _values(
        formats, 'href="#'
    )
    assert len(linked) > 50
    for target in linked:
        assert target in anchors, target
    examples = [link for link in _values(html, 'href="') if link.startswith("/api/v1/")]
    assert len(examples) > 10
    for link in examples:
        assert client.get(link).status_code == 200, link


def test_reference_speaks_english_under_english(client):
    html = client.get("/en/offene-daten/api/").content.decode()
    assert '<html lang="en">' in html
    assert "Data formats" in html and "Datenformate" not in html
    formats = client.get("/en/offene-daten/api/datenformate/").content.decode()
    assert "Always present" in formats and "Immer da" not in formats


@translation.override("de")
def test_types_are_named_in_words():
    optional_ref = {
        "anyOf": [{"$ref": "#/components/schemas/IdeaStatus"}, {"type": "null"}]
    }
    assert kind_of(optional_ref).text == "IdeaStatus oder leer"
    assert kind_of(optional_ref).ref == "IdeaStatus"
    listed = kind_of({"type": "array", "items": {"$ref": "#/components/schemas/Idea"}})
    assert (listed.text, listed.ref) == ("Liste von Idea", "Idea")
    enum = kind_of({"type": "string", "enum": ["a", "b"]})
    assert (enum.text, enum.values) == ("Text", ["a", "b"])
    assert kind_of({"type": "string", "format": "date"}).text == "Text (date)"


def _values(html, prefix):
    parts = html.split(prefix)[1:]
    return [part.split('"', 1)[0] for part in parts]
