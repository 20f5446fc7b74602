import pytest
from django.test import override_settings
from django.urls import clear_url_caches


@pytest.fixture
def media_served(settings, tmp_path):
    import importlib

    import config.urls

    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "ideas").mkdir()
    (tmp_path / "ideas" / "bank.jpg").write_bytes(b"jpeg")
    (tmp_path / "funds" / "1").mkdir(parents=True)
    (tmp_path / "funds" / "1" / "beleg.pdf").write_bytes(b"%PDF")
    with override_settings(SERVE_MEDIA=True):
        importlib.reload(config.urls)
        clear_url_caches()
        yield
    importlib.reload(config.urls)
    clear_url_caches()


@pytest.mark.django_db
def test_public_uploads_are_served_but_fund_attachments_never(client, media_served):
    assert client.get("/media/ideas/bank.jpg").status_code == 200
    assert client.get("/media/funds/1/beleg.pdf").status_code == 404
