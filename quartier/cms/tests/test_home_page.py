import pytest


@pytest.mark.django_db
def test_overview_shows_a_card_per_quarter_with_more_link(client, demo):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    for slug in ["dodesheide", "rosenplatz", "schinkel", "nette-quartier"]:
        assert f'href="/quartiere/{slug}/"' in html
    assert html.count("Mehr erfahren") == 4
