from urllib.parse import urlsplit

import pytest
from defusedxml import ElementTree as ET
from wagtail.models import Page, Site

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def _entries(content: bytes) -> dict[str, dict[str, str]]:
    """location → {hreflang: href} of the alternates."""
    root = ET.fromstring(content)
    return {
        url.find(f"{SITEMAP}loc").text: {
            link.get("hreflang"): link.get("href")
            for link in url.findall(f"{XHTML}link")
            if link.get("rel") == "alternate"
        }
        for url in root.iter(f"{SITEMAP}url")
    }


@pytest.mark.django_db
def test_sitemap_uses_the_requested_address_and_lists_both_languages(
    client, demo, settings
):
    settings.ALLOWED_HOSTS = ["quartiere.example.org"]
    # An installation whose Site row still says localhost (Wagtail's default).
    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80)
    response = client.get(
        "/sitemap.xml", HTTP_HOST="quartiere.example.org", secure=True
    )
    assert response.status_code == 200
    entries = _entries(response.content)
    hosts = {urlsplit(location)[:2] for location in entries}
    assert hosts == {("https", "quartiere.example.org")}
    live = Page.objects.live().public().filter(depth__gt=1)
    assert len(entries) == live.count()
    schinkel_de = "https://quartiere.example.org/quartiere/schinkel/"
    schinkel_en = "https://quartiere.example.org/en/quartiere/schinkel/"
    expected = {"de": schinkel_de, "en": schinkel_en, "x-default": schinkel_de}
    assert entries[schinkel_de] == expected
    assert entries[schinkel_en] == expected
    # Every alternate is itself listed, and each listed page points back to itself.
    for location, alternates in entries.items():
        assert set(alternates.values()) <= set(entries), location
        if alternates:
            assert location in alternates.values()


@pytest.mark.django_db
def test_demo_site_has_the_configured_address(settings):
    from quartier.cms.demo.seed import seed_site

    settings.SITE_URL = "https://quartiere.example.org"
    seed_site()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("quartiere.example.org", 443)
    assert site.root_url == "https://quartiere.example.org"
