"""Guard (issue 11, item 10): every link anyone can enter is http(s), mailto, tel or ours.

Walks every URLField of every Quartier model, every URL block (and every block named
"url") in every StreamField, and every URLField declared on a form of the apps; each
must refuse the payloads below and accept a plain https link.
"""

import importlib
import inspect

import pytest
from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from wagtail import blocks
from wagtail.fields import StreamField

from quartier.core.validators import link_scheme_allowed

REFUSED = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "ftp://example.org/plan.pdf",
    "file:///etc/passwd",
    "//evil.example/",
    "/\\evil.example/",
]
ACCEPTED = ["https://example.org/", "http://example.org/a?b=c"]


def _quartier_models():
    return [m for m in apps.get_models() if m.__module__.startswith("quartier.")]


def _model_url_fields():
    return [
        field
        for model in _quartier_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.URLField)
    ]


def _walk(block, name=""):
    yield name, block
    children = getattr(block, "child_blocks", None)
    if children:
        for child_name, child in children.items():
            yield from _walk(child, child_name)
    if isinstance(block, blocks.ListBlock):
        yield from _walk(block.child_block, name)


def _url_blocks():
    found = {}
    for model in _quartier_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                for name, block in _walk(field.stream_block):
                    if isinstance(block, blocks.URLBlock) or name == "url":
                        found[f"{model.__name__}.{field.name}.{name}"] = block
    return found


def _form_url_fields():
    found = {}
    for config in apps.get_app_configs():
        if not config.name.startswith("quartier."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.forms")
        except ModuleNotFoundError:
            continue
        for cls_name, cls in inspect.getmembers(module, inspect.isclass):
            if not issubclass(cls, forms.BaseForm) or cls.__module__ != module.__name__:
                continue
            # Fields a ModelForm builds from the model are checked on the model.
            for name, field in getattr(cls, "declared_fields", {}).items():
                if isinstance(field, forms.URLField):
                    found[f"{cls_name}.{name}"] = field
    return found


def test_the_walk_finds_the_link_fields_we_know():
    labels = {f"{f.model.__name__}.{f.name}" for f in _model_url_fields()}
    assert {"Organisation.website", "District.source", "FundingProgramme.url"} <= labels
    assert any(key.endswith(".url") for key in _url_blocks())
    assert "IcsImportForm.url" in _form_url_fields()


@pytest.mark.parametrize("payload", REFUSED)
def test_model_url_fields_refuse(payload):
    for field in _model_url_fields():
        with pytest.raises(ValidationError):
            field.clean(payload, None)
    for field in _model_url_fields():
        for good in ACCEPTED:
            field.clean(good, None)


@pytest.mark.parametrize("payload", REFUSED)
def test_url_blocks_refuse(payload):
    for label, block in _url_blocks().items():
        with pytest.raises(ValidationError):
            block.clean(payload)
        for good in [*ACCEPTED, "/veranstaltungen/", "mailto:team@example.org"]:
            assert block.clean(good) == good, label


@pytest.mark.parametrize("payload", REFUSED)
def test_form_url_fields_refuse(payload):
    for field in _form_url_fields().values():
        try:
            cleaned = field.clean(payload)
        except ValidationError:
            continue
        # Django's form URLField reads "//host/" as "https://host/": a plain link.
        assert payload.startswith("//") and cleaned.startswith("https://"), cleaned


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://example.org", True),
        ("mailto:team@example.org", True),
        ("tel:+495413230", True),
        ("/mitmachen/ideen/", True),
        ("#kontakt", True),
        ("?seite=2", True),
        ("", True),
        ("www.example.org", False),
        ("javascript:alert(1)", False),
        ("\x01javascript:alert(1)", False),
        ("jav\u200bascript:alert(1)", False),
    ],
)
def test_link_scheme_allowed(url, allowed):
    assert link_scheme_allowed(url) is allowed


def test_a_javascript_link_saved_earlier_renders_without_href():
    from quartier.cms.blocks import CallToActionBlock

    block = CallToActionBlock()
    value = block.to_python(
        {
            "title": "Mitmachen",
            "text": "",
            "link_text": "Los",
            "link": {"page": None, "url": "javascript:alert(1)"},
        }
    )
    assert value["link"].href() == ""
    assert "javascript:" not in block.render(value)
