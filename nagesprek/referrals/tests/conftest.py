import pytest

from nagesprek.referrals.tests.factories import make_world


@pytest.fixture
def world(db):
    return make_world()


@pytest.fixture
def world_without_consent(db):
    return make_world(consent=False)
