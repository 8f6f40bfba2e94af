"""Shared pytest fixtures: factories live in nagesprek/<app>/tests/factories.py; helpers here."""

import pytest


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MAILERS = {
        "default": {
            "BACKEND": "nagesprek.emails.backends.LocalOutboxBackend",
            "OPTIONS": {"directory": str(tmp_path / "mail")},
        }
    }
