"""Defaults for the embedded demo and local development: SQLite, local outbox, plain HTTP."""

import os

from nagesprek.conf import env

os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SECRET_KEY", "dev-only-not-secret-7c1f0a9e4b2d48f6a3e5c8d1b0f9e2a7")
os.environ.setdefault("SECURE_COOKIES", "false")
os.environ.setdefault("WHITENOISE_USE_FINDERS", "true")
os.environ.setdefault("STATICFILES_STORAGE", "django.contrib.staticfiles.storage.StaticFilesStorage")

from nagesprek.conf.base import *  # noqa: F403

# Whitenoise warns when STATIC_ROOT is missing, even while it serves from the source tree.
env.make_directory(STATIC_ROOT, "STATIC_ROOT or NAGESPREK_DATA_DIR")  # noqa: F405
