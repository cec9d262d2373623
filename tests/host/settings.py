"""Settings of the stand-in host: a small Django project shaped like Saleor.

Used by the test suite (default) and by the demo. Values come from the environment
where a deployment would change them.
"""

import os
from pathlib import Path
from urllib.parse import unquote, urlparse

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent


def _database(url: str) -> dict:
    parsed = urlparse(url)
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": parsed.path.lstrip("/") or "helpdesk",
        "USER": unquote(parsed.username or "postgres"),
        "PASSWORD": unquote(parsed.password or ""),
        "HOST": parsed.hostname or "127.0.0.1",
        "PORT": str(parsed.port or 5432),
        "CONN_MAX_AGE": 0,
        "TEST": {"NAME": os.environ.get("HELPDESK_TEST_DATABASE", None)},
    }


SECRET_KEY = os.environ.get(
    "SECRET_KEY", "stand-in-host-demo-key-not-secret-at-all-0123456789"
)
DEBUG = os.environ.get("DEBUG", "true").lower() == "true"
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]

DATABASES = {
    "default": _database(
        os.environ.get(
            "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/saleor_helpdesk"
        )
    )
}

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.postgres",
    "tests.host.permission",
    "tests.host.channel",
    "tests.host.account",
    "tests.host.app",
    "tests.host.order",
    "tests.host.page",
    "tests.host.site",
    "tests.host.payment",
    "tests.host.demo",
    # What Saleor's settings.py does with the `saleor.plugins` entry point's name:
    "saleor_helpdesk",
]

AUTH_USER_MODEL = "account.User"
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
MIDDLEWARE: list[str] = []
ROOT_URLCONF = "tests.host.urls"
USE_TZ = True
TIME_ZONE = "UTC"
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("de", "German")]
USE_I18N = True

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {},
    }
]

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATIC_URL = "/static/"
MEDIA_URL = "/media/"
MEDIA_ROOT = os.environ.get("MEDIA_ROOT", str(PROJECT_DIR / "var" / "media"))
PRIVATE_MEDIA_ROOT = os.environ.get(
    "PRIVATE_MEDIA_ROOT", str(PROJECT_DIR / "var" / "private-media")
)

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(PROJECT_DIR / "var" / "mail"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "shop@example.com")

# Celery as Saleor configures it: eager when no broker is given.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL

# Webhooks to 127.0.0.1 (a local consumer in the demo); never in production.
HELPDESK_WEBHOOKS_ALLOW_LOOPBACK = (
    os.environ.get("HELPDESK_WEBHOOKS_ALLOW_LOOPBACK", "false").lower() == "true"
)

# The host port the helpdesk talks to; inside Saleor the default points at Saleor.
HELPDESK_HOST = "tests.host.port.StandInHost"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"saleor_helpdesk": {"handlers": ["console"], "level": "INFO"}},
}
