"""Production: everything must come from the environment; secure defaults."""

import os

os.environ.setdefault("SECURE_COOKIES", "true")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")

from nagesprek.conf.base import *  # noqa: F403
