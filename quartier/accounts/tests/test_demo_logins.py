"""The login table `seed_demo` prints (and the README shows) must work, row by row."""

import io
import re

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command


@pytest.mark.django_db
def test_every_printed_demo_login_works(tmp_path):
    out = io.StringIO()
    call_command("seed_demo", password_file=str(tmp_path / "pw.txt"), stdout=out)
    text = out.getvalue()
    password = (tmp_path / "pw.txt").read_text(encoding="utf-8").strip()
    emails = re.findall(r"\s(\S+@quartier\.example)$", text, flags=re.MULTILINE)
    assert "max@quartier.example" in emails  # the README's Verein login
    assert len(emails) >= 10
    failing = [e for e in emails if authenticate(email=e, password=password) is None]
    assert failing == []
