"""Deployment settings come from Django's settings or, as Saleor's own do, from the
environment (`saleor_helpdesk/conf.py`)."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from saleor_helpdesk.notifications.headers import mail_domain
from saleor_helpdesk.notifications.messages import ticket_url
from saleor_helpdesk.notifications.sending import max_attempts
from saleor_helpdesk.storage import private_media_root


@pytest.fixture
def no_django_settings(settings):
    for name in (
        "HELPDESK_TICKET_URL",
        "HELPDESK_PRIVATE_MEDIA_ROOT",
        "HELPDESK_EMAIL_DOMAIN",
        "HELPDESK_EMAIL_MAX_ATTEMPTS",
    ):
        if hasattr(settings, name):
            delattr(settings, name)
    return settings


def test_the_environment_sets_what_django_settings_leave_unset(
    no_django_settings, monkeypatch, tmp_path
):
    # given the helpdesk's settings only in the environment
    monkeypatch.setenv(
        "HELPDESK_TICKET_URL", "https://shop.example/account/tickets/{number}"
    )
    monkeypatch.setenv("HELPDESK_PRIVATE_MEDIA_ROOT", str(tmp_path))
    monkeypatch.setenv("HELPDESK_EMAIL_DOMAIN", "support.example")
    monkeypatch.setenv("HELPDESK_EMAIL_MAX_ATTEMPTS", "9")

    # then the helpdesk uses them
    assert ticket_url(1042) == "https://shop.example/account/tickets/1042"
    assert private_media_root() == str(tmp_path)
    assert mail_domain("Shop <shop@example.com>") == "support.example"
    assert max_attempts() == 9


def test_a_django_setting_wins_over_the_environment(no_django_settings, monkeypatch):
    monkeypatch.setenv("HELPDESK_TICKET_URL", "https://env.example/{number}")
    no_django_settings.HELPDESK_TICKET_URL = "https://settings.example/{number}"

    assert ticket_url(7) == "https://settings.example/7"


def test_without_either_the_defaults_hold(no_django_settings, monkeypatch):
    for name in ("HELPDESK_TICKET_URL", "HELPDESK_EMAIL_MAX_ATTEMPTS"):
        monkeypatch.delenv(name, raising=False)

    assert ticket_url(7) == ""
    assert max_attempts() == 5


@pytest.mark.parametrize("value", ["0", "many", "-3", "2.5"])
def test_a_value_that_cannot_be_read_names_the_variable(
    no_django_settings, monkeypatch, value
):
    monkeypatch.setenv("HELPDESK_EMAIL_MAX_ATTEMPTS", value)

    with pytest.raises(ImproperlyConfigured) as error:
        max_attempts()

    assert str(error.value) == (
        f"HELPDESK_EMAIL_MAX_ATTEMPTS must be a whole number of at least 1, not {value!r}."
    )
