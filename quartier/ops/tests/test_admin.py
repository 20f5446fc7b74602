import pytest
from django.urls import reverse

from quartier.ops.models import JobRun


@pytest.fixture
def run(db):
    return JobRun.objects.create(
        job="events_daily",
        period="2026-12-03",
        status=JobRun.Status.SUCCEEDED,
        result="Erinnerungen: 3",
    )


@pytest.mark.parametrize(
    ("role", "listing", "inspect"),
    [
        ("anonymous", 302, 302),
        ("resident", 302, 302),
        ("moderator", 302, 302),
        ("manager", 302, 302),
        ("city_admin", 200, 200),
    ],
)
def test_job_runs_are_visible_to_city_editors_only(
    client, login_as, run, role, listing, inspect
):
    login_as(role)
    response = client.get(reverse("jobruns:index"))
    assert response.status_code == listing
    if listing == 200:
        assert "events_daily" in response.content.decode()
    response = client.get(reverse("jobruns:inspect", args=[run.pk]))
    assert response.status_code == inspect
    if inspect == 200:
        assert "Erinnerungen: 3" in response.content.decode()


def test_nobody_edits_or_deletes_a_run_in_the_admin(client, city_admin, run):
    client.force_login(city_admin)
    for name in ("jobruns:edit", "jobruns:delete"):
        response = client.post(reverse(name, args=[run.pk]), {"job": "x"})
        # The policy grants no edit or delete: Wagtail redirects to the dashboard.
        assert response.status_code == 302, name
        assert response["Location"] == "/admin/", name
    run.refresh_from_db()
    assert run.job == "events_daily"
    assert JobRun.objects.count() == 1
