"""The Twilio adapter, with Twilio's own library talking real HTTP to a stand-in of
Twilio's API on loopback: what it sends, what it returns, and which refusals it calls
worth a retry."""

import socket

import pytest
from django.core.exceptions import ImproperlyConfigured

from saleor_helpdesk.sms.transports import (
    SmsNotConfigured,
    SmsSendError,
    get_transport,
    sms_enabled,
)
from saleor_helpdesk.sms.twilio import TwilioTransport

from .provider import ACCOUNT_SID, AUTH_TOKEN, SENDER


def test_a_text_is_posted_to_the_accounts_messages_with_its_credentials(twilio):
    # when a text is sent
    sid = TwilioTransport().send("+4915112345678", "Ihr Paket ist unterwegs.\nGruß")

    # then Twilio got the message resource of the account, form-encoded, with basic
    # auth, and its id came back
    [request] = twilio.received
    assert request["path"] == f"/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json"
    assert request["auth"] == (ACCOUNT_SID, AUTH_TOKEN)
    assert request["content_type"] == "application/x-www-form-urlencoded"
    assert request["form"] == {
        "To": "+4915112345678",
        "From": SENDER,
        "Body": "Ihr Paket ist unterwegs.\nGruß",
    }
    assert sid.startswith("SM") and len(sid) == 34


def test_a_messaging_service_picks_the_sender(twilio, settings):
    settings.HELPDESK_SMS_TWILIO_FROM = ""
    settings.HELPDESK_SMS_TWILIO_MESSAGING_SERVICE_SID = "MG" + "1" * 32

    TwilioTransport().send("+4915112345678", "Hallo")

    [request] = twilio.received
    assert request["form"] == {
        "To": "+4915112345678",
        "MessagingServiceSid": "MG" + "1" * 32,
        "Body": "Hallo",
    }


@pytest.mark.parametrize(
    ("status", "code", "message"),
    [
        (400, 21211, "Invalid 'To' Phone Number: +4930123"),
        (400, 21610, "Attempt to send to unsubscribed recipient"),
        (401, 20003, "Authenticate"),
    ],
)
def test_a_refusal_that_will_not_pass_later_is_final(twilio, status, code, message):
    twilio.refuse(status, code, message)

    with pytest.raises(SmsSendError) as raised:
        TwilioTransport().send("+4930123", "Hallo")

    assert raised.value.retryable is False
    # (Twilio's library puts what it tried before the answer's message)
    assert str(raised.value) == (
        f"Twilio answered {status} (error {code}): Unable to create record: {message}"
    )


@pytest.mark.parametrize(
    ("status", "code"), [(429, 20429), (500, 20500), (503, 20503), (408, 0)]
)
def test_a_rate_limit_or_an_outage_is_worth_a_retry(twilio, status, code):
    twilio.refuse(status, code, "Try again later")

    with pytest.raises(SmsSendError) as raised:
        TwilioTransport().send("+4915112345678", "Hallo")

    assert raised.value.retryable is True
    assert str(raised.value).startswith(f"Twilio answered {status}")


def test_twilio_unreachable_is_worth_a_retry(twilio, settings):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.HELPDESK_SMS_TWILIO_API_URL = f"http://127.0.0.1:{port}"  # nobody listens

    with pytest.raises(SmsSendError) as raised:
        TwilioTransport().send("+4915112345678", "Hallo")

    assert raised.value.retryable is True
    assert str(raised.value).startswith("Twilio could not be reached: ConnectionError")


def test_twilio_not_answering_in_time_is_worth_a_retry(twilio, settings):
    settings.HELPDESK_SMS_TIMEOUT = 0.3
    twilio.refuse(201, 0, "", delay=1.5)

    with pytest.raises(SmsSendError) as raised:
        TwilioTransport().send("+4915112345678", "Hallo")

    assert raised.value.retryable is True
    assert "Timeout" in str(raised.value)


@pytest.mark.parametrize(
    "missing",
    ["HELPDESK_SMS_TWILIO_ACCOUNT_SID", "HELPDESK_SMS_TWILIO_AUTH_TOKEN"],
)
def test_a_missing_credential_is_named(twilio, settings, missing):
    setattr(settings, missing, "")

    with pytest.raises(ImproperlyConfigured, match=f"{missing} is not set."):
        TwilioTransport()
    with pytest.raises(SmsNotConfigured, match=f"SMS is not configured: {missing}"):
        get_transport()
    assert sms_enabled() is False
    assert twilio.received == []


def test_without_a_sender_twilio_is_not_configured(twilio, settings):
    settings.HELPDESK_SMS_TWILIO_FROM = ""

    with pytest.raises(SmsNotConfigured, match="HELPDESK_SMS_TWILIO_FROM or"):
        get_transport()


@pytest.mark.parametrize(
    "url",
    ["http://api.twilio.com", "ftp://127.0.0.1", "https://", "api.twilio.com"],
)
def test_the_api_is_reached_over_https_only(twilio, settings, url):
    # (plain HTTP would carry the auth token in the clear; loopback is this machine)
    settings.HELPDESK_SMS_TWILIO_API_URL = url

    with pytest.raises(ImproperlyConfigured, match="must be an https:// address"):
        TwilioTransport()


@pytest.mark.parametrize(
    "url",
    [
        "https://api.twilio.com",
        "https://api.dublin.ie1.twilio.com/",
        "http://localhost:8080",
        "http://[::1]:8080",
    ],
)
def test_https_or_loopback_addresses_are_taken(twilio, settings, url):
    settings.HELPDESK_SMS_TWILIO_API_URL = url

    assert TwilioTransport().client.api.base_url == url.rstrip("/")


def test_the_configured_transport_is_twilio(twilio):
    assert isinstance(get_transport(), TwilioTransport)
    assert sms_enabled() is True
