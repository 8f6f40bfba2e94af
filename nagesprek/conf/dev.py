"""Defaults for the embedded demo and local development: SQLite, local outbox, plain HTTP."""

import os

os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SECRET_KEY", "dev-only-not-secret-7c1f0a9e4b2d48f6a3e5c8d1b0f9e2a7")
os.environ.setdefault("SECURE_COOKIES", "false")
os.environ.setdefault("WHITENOISE_USE_FINDERS", "true")
os.environ.setdefault("STATICFILES_STORAGE", "django.contrib.staticfiles.storage.StaticFilesStorage")

from nagesprek.conf.base import *  # noqa: F403

STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405 - whitenoise warns when it is missing
