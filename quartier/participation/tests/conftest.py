import pytest

from .factories import IdeaFactory


@pytest.fixture
def author(db):
    from quartier.accounts.tests.factories import UserFactory

    return UserFactory(display_name="Ideengeberin")


@pytest.fixture
def idea(quarter, author):
    point = quarter.shape.representative_point()
    return IdeaFactory(
        quarter=quarter, author=author, longitude=point.x, latitude=point.y
    )
