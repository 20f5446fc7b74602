import pytest
from django.urls import reverse

from quartier.participation.models import Visibility

from .factories import CallFactory, CommentFactory, IdeaFactory


@pytest.mark.django_db
def test_idea_list_has_counts_and_no_personal_data(client, idea):
    IdeaFactory(quarter=idea.quarter, visibility=Visibility.HIDDEN, title="Versteckt")
    data = client.get("/api/v1/participation/ideas/", {"quarter": "schinkel"}).json()
    assert data["count"] == 1
    item = data["items"][0]
    assert item["support_count"] == 0 and item["status"] == "new"
    assert item["author"] == "Ideengeberin"
    assert idea.author.email not in str(data)


@pytest.mark.django_db
def test_idea_detail_comments_and_calls(client, idea):
    CommentFactory(idea=idea, body="Öffentlich")
    CommentFactory(idea=idea, body="Versteckt", visibility=Visibility.HIDDEN)
    CallFactory(quarter=idea.quarter)
    assert (
        client.get(f"/api/v1/participation/ideas/{idea.pk}/").json()["title"]
        == idea.title
    )
    bodies = [
        c["body"]
        for c in client.get(f"/api/v1/participation/ideas/{idea.pk}/comments/").json()
    ]
    assert bodies == ["Öffentlich"]
    assert client.get("/api/v1/participation/calls/").json()[0]["phase"] == "open"


@pytest.mark.django_db
def test_hidden_idea_is_404(client, idea):
    idea.visibility = Visibility.HIDDEN
    idea.save()
    assert client.get(f"/api/v1/participation/ideas/{idea.pk}/").status_code == 404


@pytest.mark.django_db
def test_geojson_has_points_and_licence(client, idea):
    IdeaFactory(quarter=idea.quarter)  # no point: not in the GeoJSON
    response = client.get(reverse("api:idea_geojson"))
    assert response["Content-Type"] == "application/geo+json"
    data = response.json()
    assert (
        data["type"] == "FeatureCollection" and data["license"]["id"] == "dl-de/by-2-0"
    )
    assert [f["geometry"]["coordinates"] for f in data["features"]] == [
        [idea.longitude, idea.latitude]
    ]


@pytest.mark.django_db
def test_openapi_lists_participation_endpoints(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in [
        "/api/v1/participation/ideas/",
        "/api/v1/participation/ideas.geojson",
        "/api/v1/participation/ideas/{idea_id}/",
        "/api/v1/participation/ideas/{idea_id}/comments/",
        "/api/v1/participation/calls/",
    ]:
        assert path in paths


@pytest.mark.django_db
def test_atom_feed_of_new_ideas(client, idea):
    response = client.get(reverse("participation:idea_feed", args=[idea.quarter.slug]))
    assert response["Content-Type"].startswith("application/atom+xml")
    assert idea.title in response.content.decode()
