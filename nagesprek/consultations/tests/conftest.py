import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english(settings, client):
    """Assertions read the English msgids; the Dutch catalogue may translate them any day."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield
