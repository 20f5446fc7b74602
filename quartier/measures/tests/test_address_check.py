import pytest
from django.core.management import call_command
from django.urls import reverse

from quartier.measures.models import Address, normalise_street, split_address
from quartier.quarters.models import Quarter

from .factories import AddressFactory


def url(quarter):
    return reverse("measures:address_check", kwargs={"quarter_slug": quarter.slug})


@pytest.fixture
def area(quarter):
    quarter.kind = Quarter.Kind.SANIERUNGSGEBIET
    quarter.save()
    inside = quarter.shape.representative_point()
    AddressFactory(
        street="Tannenburgstraße",
        house_number="61",
        longitude=inside.x,
        latitude=inside.y,
    )
    AddressFactory(
        street="Bremer Straße",
        house_number="200",
        longitude=inside.x + 0.5,
        latitude=inside.y,
    )
    return quarter


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    ["Tannenburgstraße 61", "tannenburgstr. 61", "Tannenburgstr 61, 49084 Osnabrück"],
)
def test_address_inside(client, area, query):
    html = client.get(url(area), {"adresse": query}).text
    assert "<strong>Ja.</strong>" in html
    assert "map__marker" in html


@pytest.mark.django_db
def test_address_outside(client, area):
    html = client.get(url(area), {"adresse": "Bremer Straße 200"}).text
    assert "<strong>Nein.</strong>" in html


@pytest.mark.django_db
def test_unknown_address_says_so(client, area):
    html = client.get(url(area), {"adresse": "Nirgendweg 1"}).text
    assert "nicht in unserer Adressliste" in html


@pytest.mark.django_db
def test_explainer_names_the_paragraphs(client, area):
    html = client.get(url(area)).text
    for paragraph in ("§ 142", "§ 144", "§ 145", "§ 154"):
        assert paragraph in html


@pytest.mark.django_db
def test_only_for_sanierungsgebiete(client, quarter):
    assert client.get(url(quarter)).status_code == 404


def test_normalise_and_split():
    assert normalise_street("Tannenburgstr.") == normalise_street("Tannenburg-Straße")
    assert split_address("Heiligenweg 40a, 49084 Osnabrück") == ("Heiligenweg", "40a")
    assert split_address("ohne Nummer") is None


@pytest.mark.django_db
def test_import_command_loads_the_demo_list_and_is_idempotent():
    call_command("import_addresses", stdout=_Null())
    count = Address.objects.count()
    assert count >= 10
    call_command("import_addresses", stdout=_Null())
    assert Address.objects.count() == count


@pytest.mark.django_db
def test_import_rejects_bad_rows_atomically(tmp_path):
    from django.core.management.base import CommandError

    path = tmp_path / "bad.csv"
    path.write_text(
        "street,house_number,postcode,lon,lat\nA-Weg,1,,8.0,52.0\nB-Weg,2,,x,52\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match="line 3"):
        call_command("import_addresses", str(path), stdout=_Null())
    assert not Address.objects.exists()


class _Null:
    def write(self, *args, **kwargs):
        pass
