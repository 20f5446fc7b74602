"""Public media: served from an allow-list of public folders, after normalising."""

import pytest
from django.test import override_settings
from django.urls import clear_url_caches

from quartier.core.media import PUBLIC_MEDIA_FOLDERS, public_media_path


@pytest.fixture
def media_served(settings, tmp_path):
    import importlib

    import config.urls

    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "ideas").mkdir()
    (tmp_path / "ideas" / "bank.jpg").write_bytes(b"jpeg")
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "bank.width-800.jpg").write_bytes(b"jpeg")
    (tmp_path / "funds" / "1").mkdir(parents=True)
    (tmp_path / "funds" / "1" / "beleg.pdf").write_bytes(b"%PDF")
    (tmp_path / "leerstand" / "1").mkdir(parents=True)
    (tmp_path / "leerstand" / "1" / "plan.pdf").write_bytes(b"%PDF")
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "intern.pdf").write_bytes(b"%PDF")
    (tmp_path / "top.txt").write_bytes(b"x")
    with override_settings(SERVE_MEDIA=True):
        importlib.reload(config.urls)
        clear_url_caches()
        yield
    importlib.reload(config.urls)
    clear_url_caches()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/media/ideas/bank.jpg", "/media/images/bank.width-800.jpg"]
)
def test_public_uploads_are_served(client, media_served, path):
    assert client.get(path).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/media/funds/1/beleg.pdf",
        "/media//funds/1/beleg.pdf",
        "/media/./funds/1/beleg.pdf",
        "/media/x/../funds/1/beleg.pdf",
        "/media/ideas/../funds/1/beleg.pdf",
        "/media/%2ffunds/1/beleg.pdf",
        "/media/%2Ffunds%2F1%2Fbeleg.pdf",
        "/media/.%2ffunds/1/beleg.pdf",
        "/media/ideas/..%2ffunds/1/beleg.pdf",
        "/media/ideas/%2e%2e/funds/1/beleg.pdf",
        "/media/ideas/..%5cfunds/1/beleg.pdf",
        "/media/FUNDS/1/beleg.pdf",
        "/media/leerstand/1/plan.pdf",  # floor plans: through their view only
        "/media//leerstand/1/plan.pdf",
        "/media/documents/intern.pdf",  # Wagtail checks collection privacy
        "/media/top.txt",
        "/media/ideas/../../etc/passwd",
        "/media/ideas/",
    ],
)
def test_everything_else_is_a_404_however_it_is_spelt(client, media_served, path):
    assert client.get(path).status_code == 404


@pytest.mark.django_db
def test_media_is_read_only(client, media_served):
    assert client.post("/media/ideas/bank.jpg").status_code == 405


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("ideas/2026/01/a.jpg", "ideas/2026/01/a.jpg"),
        ("ideas//2026/./01/a.jpg", "ideas/2026/01/a.jpg"),
        ("/funds/1/a.pdf", None),
        ("ideas/../funds/a.pdf", None),
        ("../ideas/a.jpg", "ideas/a.jpg"),  # cannot climb above MEDIA_ROOT
        ("ideas\\..\\funds\\a.pdf", None),
        ("ideas/a\x00.jpg", None),
        ("ideas", None),
    ],
)
def test_normalising(path, expected):
    assert public_media_path(path) == expected


def test_private_uploads_land_outside_the_public_folders():
    from types import SimpleNamespace

    from quartier.community.models import floor_plan_path
    from quartier.funds.models import attachment_path

    application = SimpleNamespace(fund_id=1)
    stored = [
        attachment_path(SimpleNamespace(application=application), "beleg.pdf"),
        floor_plan_path(SimpleNamespace(quarter_id=1), "plan.pdf"),
    ]
    assert [public_media_path(path) for path in stored] == [None, None]
    assert "documents" not in PUBLIC_MEDIA_FOLDERS
