"""Settings shared by every environment. Values come from the environment (see .env.example).

dev.py, test.py and production.py only set defaults for these variables before
importing this module; nothing here differs per environment except through them.
"""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from nagesprek.conf import env

BASE_DIR = Path(__file__).resolve().parent.parent  # the nagesprek package
PROJECT_DIR = BASE_DIR.parent
DATA_DIR = Path(env.string("NAGESPREK_DATA_DIR", str(PROJECT_DIR / "data"))).resolve()

DEBUG = env.boolean("DEBUG", False)
SECRET_KEY = env.string("SECRET_KEY")
if not DEBUG and (len(SECRET_KEY) < 32 or SECRET_KEY.startswith("django-insecure")):
    raise ImproperlyConfigured("SECRET_KEY must be at least 32 random characters outside DEBUG.")
ALLOWED_HOSTS = env.string_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env.string_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env.string("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks_db",
    "django_htmx",
    "ninja",  # the API's docs page then uses its own local Swagger files, not a CDN (ADR 0005)
    "nagesprek.accounts",
    "nagesprek.organisations",
    "nagesprek.audit",
    "nagesprek.emails",
    "nagesprek.vacancies",
    "nagesprek.candidates",
    "nagesprek.applications",
    "nagesprek.evaluations",
    "nagesprek.rejections",
    "nagesprek.portal",
    "nagesprek.letters",
    "nagesprek.routes",
    "nagesprek.advice",
    "nagesprek.dashboards",
    "nagesprek.demo",
    "nagesprek.consents",
    "nagesprek.matching",
    "nagesprek.retention",
    "nagesprek.conversations",
    "nagesprek.privacy_requests",
    "nagesprek.consultations",
    "nagesprek.referrals",
    "nagesprek.advising",
    "nagesprek.integrations",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "nagesprek.accounts.middleware.UserLanguageMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "nagesprek.organisations.middleware.CurrentOrganisationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "nagesprek.urls"
WSGI_APPLICATION = "nagesprek.wsgi.application"
ASGI_APPLICATION = "nagesprek.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "nagesprek.organisations.context_processors.organisation",
                "nagesprek.dashboards.context_processors.navigation",
            ],
        },
    }
]

DATABASES = {"default": env.database("DATABASE_URL", f"sqlite:///{DATA_DIR / 'nagesprek.sqlite3'}")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "dashboards:home"
LOGOUT_REDIRECT_URL = "accounts:login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = 60 * 60 * 2

# Internationalisation: English in code, Dutch the default for people.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Amsterdam"
LANGUAGE_COOKIE_SECURE = env.boolean("SECURE_COOKIES", True)
LANGUAGE_COOKIE_SAMESITE = "Lax"

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.string("STATIC_ROOT", str(DATA_DIR / "static")))
# The project-wide stylesheet lives in nagesprek/static; "nagesprek" itself is not an installed app.
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.string("MEDIA_ROOT", str(DATA_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env.string("STATICFILES_STORAGE", "whitenoise.storage.CompressedManifestStaticFilesStorage")
    },
}
WHITENOISE_USE_FINDERS = env.boolean("WHITENOISE_USE_FINDERS", False)

# Security: strict CSP without unsafe-inline, secure cookies, CSRF everywhere.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
SESSION_COOKIE_SECURE = env.boolean("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env.integer("SESSION_COOKIE_AGE", 60 * 60 * 8, minimum=300)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env.boolean("SECURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = env.integer("SECURE_HSTS_SECONDS", 0, minimum=0)
if env.boolean("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Background work: django.tasks with the database backend (no broker to run).
TASKS = {
    "default": {
        "BACKEND": env.choice(
            "TASKS_BACKEND",
            "django_tasks_db.DatabaseBackend",
            ("django_tasks_db.DatabaseBackend", "django.tasks.backends.immediate.ImmediateBackend"),
        ),
    }
}

# E-mail: messages are rendered into the outbox table and delivered by a task.
# "outbox" keeps them local (files in DATA_DIR/mail); "smtp" delivers them.
EMAIL_DELIVERY = env.choice("EMAIL_DELIVERY", "outbox", ("outbox", "smtp"))
DEFAULT_FROM_EMAIL = env.string("DEFAULT_FROM_EMAIL", "Nagesprek <noreply@nagesprek.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The SMTP options are read (and checked) even when delivery stays local, so a typo
# shows up before the day someone switches EMAIL_DELIVERY to smtp. (Lower case: not a setting.)
smtp_options = {
    "host": env.string("EMAIL_HOST", "localhost"),
    "port": env.integer("EMAIL_PORT", 25, minimum=1, maximum=65535),
    "username": env.string("EMAIL_HOST_USER", ""),
    "password": env.string("EMAIL_HOST_PASSWORD", ""),
    "use_tls": env.boolean("EMAIL_USE_TLS", False),
    "use_ssl": env.boolean("EMAIL_USE_SSL", False),
    "timeout": env.integer("EMAIL_TIMEOUT", 20, minimum=1),
}
if smtp_options["use_tls"] and smtp_options["use_ssl"]:
    raise ImproperlyConfigured("EMAIL_USE_TLS and EMAIL_USE_SSL are both true; choose one.")
if EMAIL_DELIVERY == "smtp":
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.smtp.EmailBackend", "OPTIONS": smtp_options}}
else:
    MAILERS = {
        "default": {
            "BACKEND": "nagesprek.emails.backends.LocalOutboxBackend",
            "OPTIONS": {"directory": str(DATA_DIR / "mail")},
        }
    }
EMAIL_MAX_ATTEMPTS = env.integer("EMAIL_MAX_ATTEMPTS", 5, minimum=1)

# Personal data: how long a finished procedure's data is kept without consent (AVG practice).
RETENTION_DAYS_WITHOUT_CONSENT = env.integer("RETENTION_DAYS_WITHOUT_CONSENT", 28, minimum=0, maximum=28)
RETENTION_DAYS_WITH_CONSENT = env.integer("RETENTION_DAYS_WITH_CONSENT", 365, minimum=0, maximum=365)
# The audit log proves who saw which file; it outlives the files it is about, but not forever.
AUDIT_RETENTION_DAYS = env.integer("AUDIT_RETENTION_DAYS", 730, minimum=365, maximum=3650)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {
        "handlers": ["console"],
        "level": env.choice("LOG_LEVEL", "INFO", ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")),
    },
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
