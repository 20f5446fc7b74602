import pytest
from django.core.management import call_command

from quartier.community.models import HelpPost, Opportunity, Organisation, Vacancy
from quartier.quarters.models import Quarter


def _counts():
    return [
        Organisation.objects.actors().count(),
        Organisation.objects.businesses().count(),
        Opportunity.objects.count(),
        HelpPost.objects.count(),
        Vacancy.objects.listed().count(),
    ]


@pytest.mark.django_db
def test_demo_per_quarter_and_idempotent(demo, tmp_path):
    quarters = Quarter.objects.public().count()
    assert quarters == 4
    assert _counts() == [
        15 * quarters,
        20 * quarters,
        5 * quarters,
        10 * quarters,
        3 * quarters,
    ]
    assert not Organisation.objects.filter(is_demo=False).exists()
    # The "done when" journeys have something to find.
    assert Organisation.objects.filter(
        quarters__slug="schinkel", kind="club", languages__code="tr", step_free=True
    ).exists()
    assert (
        Vacancy.objects.listed()
        .filter(quarter__slug="rosenplatz", area_m2__gte=60)
        .exists()
    )
    call_command(
        "seed_demo",
        password_file=str(tmp_path / "pw.txt"),
        stdout=open("/dev/null", "w"),
    )
    assert _counts() == [
        15 * quarters,
        20 * quarters,
        5 * quarters,
        10 * quarters,
        3 * quarters,
    ]
