"""Journey: a resident posts an idea with a point in Schinkel; axe finds nothing."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse

from quartier.participation.models import Idea
from quartier.participation.tests.factories import (
    CategoryFactory,
    CommentFactory,
    IdeaFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _violations(page) -> list[str]:
    results = Axe().run(page)
    return [v["id"] for v in results.response["violations"]]


def _login(page, live_server, user):
    page.goto(live_server.url + reverse("account_login"))
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", "correct horse battery staple")
    page.click("form button[type=submit]")
    page.wait_for_url(lambda url: "login" not in url)


def test_idea_journey_has_no_axe_violations(page, live_server, resident, quarter):
    CategoryFactory(name="Grün")
    point = quarter.shape.representative_point()
    idea = IdeaFactory(
        quarter=quarter, title="Bank am Weg", longitude=point.x, latitude=point.y
    )
    CommentFactory(idea=idea)

    page.goto(
        live_server.url + reverse("participation:idea_list") + "?quartier=schinkel"
    )
    assert page.locator("h1").count() == 1
    assert _violations(page) == []

    page.goto(live_server.url + idea.get_absolute_url())
    assert _violations(page) == []

    _login(page, live_server, resident)
    page.goto(
        live_server.url + reverse("participation:idea_create", args=[quarter.slug])
    )
    assert _violations(page) == []

    # Error state: a point far outside the quarter.
    page.fill("#id_title", "Trinkbrunnen")
    page.fill("#id_description", "Am Spielplatz.")
    page.fill("#id_longitude", "7.0")
    page.fill("#id_latitude", "51.0")
    page.click("form button[type=submit]")
    assert page.locator("#form-errors").is_visible()
    assert _violations(page) == []

    page.fill("#id_longitude", str(point.x))
    page.fill("#id_latitude", str(point.y))
    page.click("form button[type=submit]")
    page.wait_for_url(lambda url: "/mitmachen/ideen/" in url and "/neu/" not in url)
    assert Idea.objects.filter(title="Trinkbrunnen", author=resident).exists()
    assert _violations(page) == []
