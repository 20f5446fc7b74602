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


@pytest.mark.django_db
def test_page_previews_may_be_framed_by_the_admin_only(admin_client, site_tree):
    from quartier.cms.models import StandardPage

    page = StandardPage.objects.live().first()
    # view_draft renders through the same dummy request as the preview panel.
    preview = admin_client.get(f"/admin/pages/{page.pk}/view_draft/")
    assert preview.status_code == 200
    csp = preview["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in csp
    assert "unsafe-inline" not in csp  # the page keeps its own strict policy
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    public = admin_client.get(page.url)
    assert "frame-ancestors 'none'" in public["Content-Security-Policy"]
    assert public["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_the_preview_panel_request_may_be_framed(admin_user, rf, site_tree):
    from quartier.cms.models import StandardPage

    page = StandardPage.objects.live().first()
    editor_request = rf.get(f"/admin/pages/{page.pk}/edit/preview/")
    editor_request.user = admin_user
    response = page.make_preview_request(
        original_request=editor_request, preview_mode=page.default_preview_mode
    )
    assert response.status_code == 200
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"
