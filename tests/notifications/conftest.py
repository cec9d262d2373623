"""Helpers for the e-mail tests: run an action and its after-commit work (the send)."""

import pytest

from saleor_helpdesk.models import EmailMessage


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run `action()` and what it hands to `on_commit` (the e-mail task runs eagerly)."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


@pytest.fixture(autouse=True)
def _mail(settings, mailoutbox):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.DEFAULT_FROM_EMAIL = "shop@example.com"
    settings.HELPDESK_EMAIL_DOMAIN = ""


def outbox_rows(**filters):
    return list(EmailMessage.objects.filter(**filters).order_by("pk"))


def html_part(mail) -> str:
    [(content, mimetype)] = mail.alternatives
    assert mimetype == "text/html"
    return content
