import pytest


@pytest.mark.django_db
def test_public_pages_get_a_strict_policy(client, site_tree):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_public_pages_set_no_cookies_for_anonymous_readers(client, site_tree):
    assert not client.get("/").cookies


@pytest.mark.django_db
def test_admin_allows_its_inline_code_and_same_origin_preview_frames(admin_client):
    response = admin_client.get("/admin/")
    csp = response["Content-Security-Policy"]
    assert "'unsafe-inline'" in csp
    assert "frame-ancestors 'self'" in csp
    assert "X-Frame-Options" not in response


@pytest.mark.django_db
def test_robots_and_health(client):
    assert b"Disallow: /admin/" in client.get("/robots.txt").content
    assert client.get("/healthz").content == b"ok"
