import pytest
from django.core.management import call_command
from django.urls import reverse

from quartier.measures.models import FundingLine, Measure, MeasureChange


@pytest.mark.django_db
def test_demo_plans_for_four_quarters_and_idempotent(demo, tmp_path):
    counts = {
        slug: Measure.objects.filter(quarter__slug=slug).count()
        for slug in ("schinkel", "rosenplatz", "dodesheide", "nette-quartier")
    }
    assert all(counts.values()), counts
    karwehl = Measure.objects.get(title__startswith="Pastor-Karwehl-Platz")
    bund = sum(line.planned for line in karwehl.funding.filter(source="bund"))
    assert bund == 1812200
    hasepark = Measure.objects.get(title="Großspielplatz im Hasepark")
    assert hasepark.status == "completed"
    assert hasepark.image_before and hasepark.image_after
    document = karwehl.documents.get().document
    assert document.file_extension == "pdf" and document.file_size > 0
    before = (
        Measure.objects.count(),
        FundingLine.objects.count(),
        MeasureChange.objects.count(),
    )
    call_command("seed_demo", password_file=str(tmp_path / "pw.txt"), stdout=_Null())
    after = (
        Measure.objects.count(),
        FundingLine.objects.count(),
        MeasureChange.objects.count(),
    )
    assert before == after


@pytest.mark.django_db
def test_new_user_journey_from_quarter_page(client, demo):
    """Schinkel page → action plan → completed measure with pictures and costs → map → check."""
    page = client.get("/quartiere/schinkel/").text
    plan_url = reverse("measures:plan", kwargs={"quarter_slug": "schinkel"})
    assert plan_url in page
    plan = client.get(plan_url).text
    hasepark = Measure.objects.get(title="Großspielplatz im Hasepark")
    assert hasepark.get_absolute_url() in plan
    detail = client.get(hasepark.get_absolute_url()).text
    assert "Vorher" in detail and "Nachher" in detail and "<img" in detail
    assert "Bund" in detail and "Land" in detail and "Stadt" in detail
    map_html = client.get(
        reverse("measures:map", kwargs={"quarter_slug": "schinkel"})
    ).text
    assert "Großspielplatz im Hasepark" in map_html
    check = client.get(
        reverse("measures:address_check", kwargs={"quarter_slug": "schinkel"}),
        {"adresse": "Tannenburgstraße 61"},
    ).text
    assert "<strong>Ja.</strong>" in check


class _Null:
    def write(self, *args, **kwargs):
        pass
