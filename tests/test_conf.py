"""Deployment settings come from Django's settings or, as Saleor's own do, from the
environment (`saleor_helpdesk/conf.py`)."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from saleor_helpdesk.content.storage import private_media_root
from saleor_helpdesk.notifications.headers import mail_domain
from saleor_helpdesk.notifications.messages import ticket_url
from saleor_helpdesk.notifications.sending import max_attempts
from saleor_helpdesk.webhooks import delivery, transport


@pytest.fixture
def no_django_settings(settings):
    for name in (
        "HELPDESK_TICKET_URL",
        "HELPDESK_PRIVATE_MEDIA_ROOT",
        "HELPDESK_EMAIL_DOMAIN",
        "HELPDESK_EMAIL_MAX_ATTEMPTS",
        "HELPDESK_WEBHOOKS_ALLOW_LOOPBACK",
        "HELPDESK_WEBHOOK_MAX_ATTEMPTS",
        "HELPDESK_WEBHOOK_TIMEOUT",
        "HTTP_IP_FILTER_ALLOW_LOOPBACK_IPS",
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
    monkeypatch.setenv("HELPDESK_WEBHOOKS_ALLOW_LOOPBACK", "true")
    monkeypatch.setenv("HELPDESK_WEBHOOK_MAX_ATTEMPTS", "3")
    monkeypatch.setenv("HELPDESK_WEBHOOK_TIMEOUT", "2.5")

    # then the helpdesk uses them
    assert ticket_url(1042) == "https://shop.example/account/tickets/1042"
    assert private_media_root() == str(tmp_path)
    assert mail_domain("Shop <shop@example.com>") == "support.example"
    assert max_attempts() == 9
    assert transport.allow_loopback() is True
    assert transport.address_refused("127.0.0.1") is None
    assert delivery.max_attempts() == 3
    assert transport.timeout() == 2.5


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


@pytest.mark.parametrize("value", ["maybe", "2"])
def test_a_flag_is_true_or_false(no_django_settings, monkeypatch, value):
    monkeypatch.setenv("HELPDESK_WEBHOOKS_ALLOW_LOOPBACK", value)

    with pytest.raises(ImproperlyConfigured) as error:
        transport.allow_loopback()

    assert str(error.value) == (
        "HELPDESK_WEBHOOKS_ALLOW_LOOPBACK must be true or false (also 1/0, yes/no, "
        f"on/off), not {value!r}."
    )


@pytest.mark.parametrize("value", ["0", "-1", "soon", "inf"])
def test_a_duration_is_a_positive_number_of_seconds(
    no_django_settings, monkeypatch, value
):
    monkeypatch.setenv("HELPDESK_WEBHOOK_TIMEOUT", value)

    with pytest.raises(ImproperlyConfigured) as error:
        transport.timeout()

    assert str(error.value) == (
        f"HELPDESK_WEBHOOK_TIMEOUT must be a positive number of seconds, not {value!r}."
    )
