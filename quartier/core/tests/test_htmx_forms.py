"""Guard: every htmx form in the templates has browser tests, valid and invalid.

A form that posts through htmx can fail in ways only a browser shows (the whole page
swapped into a box, focus lost on <body>). The browser tests in
`tests/browser/test_htmx_forms.py` name the form they submit with
`@pytest.mark.htmx_form("<url name>", "valid" | "invalid")`; this test finds every
`<form data-hx-post>` in the templates and fails for one that lacks either case.
"""

import ast
import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
BROWSER_TESTS = ROOT / "tests" / "browser"
FORM_TAG = re.compile(r"<form\b[^>]*>", re.DOTALL)
HTMX_POST = re.compile(r"""\b(?:data-)?hx-post=["']\{% url ['"]([\w:]+)['"]""")


def htmx_forms() -> dict[str, list[str]]:
    """URL name → templates that hold a form posting to it through htmx."""
    found: dict[str, list[str]] = {}
    for template in sorted((ROOT / "quartier").rglob("templates/**/*.html")):
        text = template.read_text(encoding="utf-8")
        for tag in FORM_TAG.findall(text):
            if "hx-post" not in tag:
                continue
            match = HTMX_POST.search(tag)
            name = match.group(1) if match else f"unparsed hx-post in {tag[:80]}"
            found.setdefault(name, []).append(str(template.relative_to(ROOT)))
    return found


def covered_cases() -> set[tuple[str, str]]:
    """(url name, case) from every `pytest.mark.htmx_form(...)` in the browser tests."""
    cases = set()
    for module in BROWSER_TESTS.glob("test_*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "htmx_form"
            ):
                name, case = (arg.value for arg in node.args)
                cases.add((name, case))
    return cases


def test_every_htmx_form_has_a_valid_and_an_invalid_browser_test():
    forms = htmx_forms()
    covered = covered_cases()
    missing = [
        f"{name} ({', '.join(templates)}): no browser test for the {case} case"
        for name, templates in forms.items()
        for case in ("valid", "invalid")
        if (name, case) not in covered
    ]
    assert not missing, "\n".join(missing)


def test_the_guard_sees_the_forms_we_know():
    """If the template search broke, the guard above would pass on nothing."""
    assert {
        "events:register",
        "participation:idea_support",
        "funds:application_edit",
    } <= set(htmx_forms())


def test_a_new_form_without_tests_is_reported(tmp_path, monkeypatch):
    templates = tmp_path / "quartier" / "x" / "templates" / "x"
    templates.mkdir(parents=True)
    (templates / "thing.html").write_text(
        '<form method="post" action="/a/"\n data-hx-post="{% url \'x:thing\' %}">'
    )
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)
    assert htmx_forms() == {"x:thing": ["quartier/x/templates/x/thing.html"]}
