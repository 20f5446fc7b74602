import pytest


@pytest.mark.django_db
def test_overview_shows_a_card_per_quarter_with_more_link(client, demo):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    for slug in ["dodesheide", "rosenplatz", "schinkel", "nette-quartier"]:
        assert f'href="/quartiere/{slug}/"' in html
    assert html.count("Mehr erfahren") == 4


@pytest.mark.django_db
def test_every_theme_leads_to_a_live_page(client, demo):
    import re

    for prefix in ["", "/en"]:
        html = client.get(f"{prefix}/").content.decode()
        start = html.index('class="themes"')
        themes = html[start : html.index("</section>", start)]
        links = re.findall(r'<a href="([^"]+)">', themes)
        assert len(links) == 8
        for link in links:
            assert client.get(link, follow=True).status_code == 200, link
