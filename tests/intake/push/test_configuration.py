"""The e-mail services' secrets: `HELPDESK_ANYMAIL` (a Django setting, or a JSON
object in the environment) with `HELPDESK_ANYMAIL_<KEY>` variables over it."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from saleor_helpdesk.http.inbound.services import SERVICES, configuration, missing


@pytest.fixture
def no_setting(settings, monkeypatch):
    if hasattr(settings, "HELPDESK_ANYMAIL"):
        del settings.HELPDESK_ANYMAIL
    monkeypatch.delenv("HELPDESK_ANYMAIL", raising=False)
    return settings


def test_the_environment_holds_a_json_object(no_setting, monkeypatch):
    monkeypatch.setenv(
        "HELPDESK_ANYMAIL",
        '{"WEBHOOK_SECRET": ["a:b", "c:d"], "MAILGUN_WEBHOOK_SIGNING_KEY": "k"}',
    )

    assert configuration() == {
        "WEBHOOK_SECRET": ["a:b", "c:d"],
        "MAILGUN_WEBHOOK_SIGNING_KEY": "k",
    }


def test_a_variable_per_key_wins(no_setting, monkeypatch):
    # given the dictionary as a Django setting and one key as its own variable
    no_setting.HELPDESK_ANYMAIL = {"MAILGUN_WEBHOOK_SIGNING_KEY": "old"}
    monkeypatch.setenv("HELPDESK_ANYMAIL_MAILGUN_WEBHOOK_SIGNING_KEY", "new")
    monkeypatch.setenv("HELPDESK_ANYMAIL_WEBHOOK_SECRET", "user:pass")

    assert configuration() == {
        "MAILGUN_WEBHOOK_SIGNING_KEY": "new",
        "WEBHOOK_SECRET": "user:pass",
    }


def test_nothing_set_is_an_empty_configuration(no_setting):
    assert configuration() == {}


def test_a_misspelt_key_is_named(no_setting):
    no_setting.HELPDESK_ANYMAIL = {"MAILGUN_SIGNING_KEY": "k"}

    with pytest.raises(ImproperlyConfigured) as raised:
        configuration()

    assert str(raised.value) == (
        "HELPDESK_ANYMAIL has keys the helpdesk does not know: MAILGUN_SIGNING_KEY."
    )


def test_json_that_is_not_an_object_is_refused_without_echoing_it(
    no_setting, monkeypatch
):
    monkeypatch.setenv("HELPDESK_ANYMAIL", "WEBHOOK_SECRET=secret-value")

    with pytest.raises(ImproperlyConfigured) as raised:
        configuration()

    assert "secret-value" not in str(raised.value)
    assert "JSON object" in str(raised.value)


def test_a_secret_must_be_text(no_setting):
    no_setting.HELPDESK_ANYMAIL = {"WEBHOOK_SECRET": 42}

    with pytest.raises(ImproperlyConfigured):
        configuration()


def test_a_broken_configuration_refuses_webhooks(
    no_setting, send, webhook_path, caplog
):
    no_setting.HELPDESK_ANYMAIL = {"MAILGUN_SIGNING_KEY": "k"}

    reply = send(webhook_path("mailgun"), body=b"{}", content_type="application/json")

    assert reply.status == 503
    assert reply.json()["error"]["code"] == "not_configured"
    assert "MAILGUN_SIGNING_KEY" in caplog.text


@pytest.mark.parametrize(
    ("service", "config", "problem"),
    [
        ("postmark", {}, "set WEBHOOK_SECRET"),
        ("postmark", {"WEBHOOK_SECRET": "a:b"}, None),
        ("mailgun", {"WEBHOOK_SECRET": "a:b"}, "set MAILGUN_WEBHOOK_SIGNING_KEY"),
        ("mailgun", {"MAILGUN_WEBHOOK_SIGNING_KEY": "k"}, None),
        ("resend", {"RESEND_API_KEY": "r"}, "RESEND_INBOUND_SECRET or WEBHOOK_SECRET"),
        ("resend", {"RESEND_API_KEY": "r", "WEBHOOK_SECRET": "a:b"}, None),
        ("resend", {"WEBHOOK_SECRET": "a:b"}, "set RESEND_API_KEY"),
        ("brevo", {"WEBHOOK_SECRET": "a:b"}, "set BREVO_API_KEY"),
        ("mailtrap", {"MAILTRAP_INBOUND_SECRET": "s", "MAILTRAP_API_TOKEN": "t"}, None),
        ("amazon_ses", {}, "set WEBHOOK_SECRET"),
        ("postal", {"WEBHOOK_SECRET": "a:b"}, "set POSTAL_WEBHOOK_KEY"),
    ],
)
def test_what_each_service_needs(service, config, problem):
    found = missing(SERVICES[service], config)

    if problem is None:
        assert found is None
    else:
        assert problem in found
