"""Defaults for the test suite: SQLite unless DATABASE_URL points at PostgreSQL."""

import os

from nagesprek.conf import env

os.environ.setdefault("SECRET_KEY", "test-only-not-secret-4e8b1c7d2a9f4061b5e3d8c0a7f2e9b1")
os.environ.setdefault("SECURE_COOKIES", "false")
os.environ.setdefault("WHITENOISE_USE_FINDERS", "true")
os.environ.setdefault("STATICFILES_STORAGE", "django.contrib.staticfiles.storage.StaticFilesStorage")
os.environ.setdefault("DATABASE_URL", "sqlite:///:memory:")

from nagesprek.conf.base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only; never in production

# Whitenoise warns when STATIC_ROOT is missing, even while it serves from the source tree.
env.make_directory(STATIC_ROOT, "STATIC_ROOT or NAGESPREK_DATA_DIR")  # noqa: F405
