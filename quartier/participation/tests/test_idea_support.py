import threading

import pytest
from django.db import connection
from django.urls import reverse

from quartier.accounts.tests.factories import UserFactory
from quartier.participation.models import Support, Visibility
from quartier.participation.services import idea_support


@pytest.mark.parametrize(
    ("role", "status", "count"),
    [
        ("anonymous", 302, 0),
        ("resident", 302, 1),
        ("author", 302, 1),
        ("moderator", 302, 1),
        ("manager", 302, 1),
        ("other_manager", 302, 1),
        ("city_admin", 302, 1),
    ],
)
@pytest.mark.django_db
def test_support_matrix(client, login_as, idea, role, status, count):
    login_as(role)
    response = client.post(reverse("participation:idea_support", args=[idea.pk]))
    assert response.status_code == status
    idea.refresh_from_db()
    assert idea.support_count == count == Support.objects.count()


@pytest.mark.django_db
def test_support_once_and_withdraw(client, resident, idea):
    client.force_login(resident)
    url = reverse("participation:idea_support", args=[idea.pk])
    client.post(url)
    client.post(url)
    idea.refresh_from_db()
    assert idea.support_count == 1
    client.post(url, {"zurueckziehen": "1"})
    idea.refresh_from_db()
    assert idea.support_count == 0 and not Support.objects.exists()


@pytest.mark.django_db
def test_hidden_idea_cannot_be_supported(client, resident, idea):
    idea.visibility = Visibility.HIDDEN
    idea.save()
    client.force_login(resident)
    assert (
        client.post(reverse("participation:idea_support", args=[idea.pk])).status_code
        == 404
    )


@pytest.mark.django_db
def test_htmx_swaps_the_support_box(client, resident, idea):
    client.force_login(resident)
    response = client.post(
        reverse("participation:idea_support", args=[idea.pk]), HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert 'id="support"' in body and "<html" not in body
    assert "zurückziehen" in body
    # The message travels in the box, where focus moves after the swap.
    assert "data-swap-focus" in body and "Danke für Ihre Unterstützung" in body


@pytest.mark.django_db
def test_unique_constraint_holds_without_the_service(idea, resident):
    from django.db import IntegrityError, transaction

    Support.objects.create(idea=idea, user=resident)
    with pytest.raises(IntegrityError), transaction.atomic():
        Support.objects.create(idea=idea, user=resident)


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_supports_count_once(idea):
    user = UserFactory()
    barrier = threading.Barrier(4)
    results = []

    def click():
        barrier.wait()
        results.append(idea_support(idea=idea, user=user))
        connection.close()

    threads = [threading.Thread(target=click) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    idea.refresh_from_db()
    assert results.count(True) == 1
    assert idea.support_count == 1 == Support.objects.count()
