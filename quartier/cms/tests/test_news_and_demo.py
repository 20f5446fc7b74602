import pytest
from defusedxml import ElementTree as ET
from django.core.management import call_command

from quartier.accounts.models import User
from quartier.cms.models import NewsPage, QuarterPage, StandardPage
from quartier.quarters.models import Office, Quarter

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.mark.django_db
def test_news_feed_is_atom_with_the_quarters_news(client, demo):
    response = client.get("/quartiere/schinkel/aktuelles/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    titles = [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]
    assert "Schinkelrunde im Heinz-Fitschen-Haus" in titles
    assert "Anwohnerfest am Bierbaumsweg" not in titles  # Dodesheide's


@pytest.mark.django_db
def test_news_index_lists_news_newest_first(client, demo):
    html = client.get("/quartiere/schinkel/aktuelles/").content.decode()
    assert html.index("Schinkelrunde") < html.index("Fünf Jahre Großspielplatz")


@pytest.mark.django_db
def test_seed_demo_twice_changes_nothing(demo, tmp_path):
    def counts():
        return (
            Quarter.objects.count(),
            Office.objects.count(),
            QuarterPage.objects.count(),
            NewsPage.objects.count(),
            StandardPage.objects.count(),
            User.objects.count(),
        )

    before = counts()
    assert before[:5] == (
        4,
        5,
        8,
        18,
        8,
    )  # quarters, offices, quarter pages (de, en), news (de, en), legal
    call_command(
        "seed_demo",
        password_file=str(tmp_path / "pw.txt"),
        stdout=open("/dev/null", "w"),
    )
    assert counts() == before


@pytest.mark.django_db
def test_demo_prints_working_admin_login(tmp_path, client, site_tree):
    from io import StringIO

    out = StringIO()
    call_command("seed_demo", password_file=str(tmp_path / "pw.txt"), stdout=out)
    password = (tmp_path / "pw.txt").read_text().strip()
    assert f"Passwort für alle: {password}" in out.getvalue()
    assert "admin@quartier.example" in out.getvalue()
    assert client.login(username="admin@quartier.example", password=password)
    assert client.get("/admin/").status_code == 200
