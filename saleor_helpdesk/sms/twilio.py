"""Twilio as the SMS transport, through Twilio's own library (the optional extra
`saleor-helpdesk[twilio]`).

Settings (Django settings or environment variables, see `core/conf.py`):

- `HELPDESK_SMS_TRANSPORT=saleor_helpdesk.sms.twilio.TwilioTransport`
- `HELPDESK_SMS_TWILIO_ACCOUNT_SID`, `HELPDESK_SMS_TWILIO_AUTH_TOKEN`: the account.
- The sender, one of: `HELPDESK_SMS_TWILIO_FROM`, a Twilio number in E.164 or an
  alphanumeric sender ID (where the destination country allows one), or
  `HELPDESK_SMS_TWILIO_MESSAGING_SERVICE_SID`, a Messaging Service that picks it.
- `HELPDESK_SMS_TWILIO_API_URL`: Twilio's API, `https://api.twilio.com` unless the
  account processes in another region (`https://api.dublin.ie1.twilio.com`). HTTPS,
  except on this machine's loopback addresses.
- `HELPDESK_SMS_TIMEOUT`: seconds to wait for Twilio (default 10).

Twilio's answer says whether to try again: a rate limit (429), a request timeout (408)
and its own errors (5xx) may pass later, and so may a network failure; any other
refusal (an invalid, landline or unsubscribed number, credentials it refuses) will
not. A timeout after Twilio took the text and before it answered sends it again on
the retry: a customer may then get it twice, never not at all.
"""

import ipaddress
from urllib.parse import urlsplit

import requests
from django.core.exceptions import ImproperlyConfigured
from twilio.base.exceptions import TwilioException
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

from ..core import conf
from .transports import SmsSendError

DEFAULT_API_URL = "https://api.twilio.com"
DEFAULT_TIMEOUT = 10.0
RETRY_STATUSES = {408, 425, 429}


def _required(name: str) -> str:
    value = conf.text(name).strip()
    if not value:
        raise ImproperlyConfigured(f"{name} is not set.")
    return value


def _api_url() -> str:
    name = "HELPDESK_SMS_TWILIO_API_URL"
    url = conf.text(name, DEFAULT_API_URL).strip().rstrip("/")
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.scheme == "https" and host:
        return url
    if parts.scheme == "http" and _is_loopback(host):
        return url
    raise ImproperlyConfigured(
        f"{name} must be an https:// address (http:// only on loopback), not {url!r}."
    )


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class TwilioTransport:
    def __init__(self) -> None:
        account_sid = _required("HELPDESK_SMS_TWILIO_ACCOUNT_SID")
        auth_token = _required("HELPDESK_SMS_TWILIO_AUTH_TOKEN")
        sender = conf.text("HELPDESK_SMS_TWILIO_FROM").strip()
        service = conf.text("HELPDESK_SMS_TWILIO_MESSAGING_SERVICE_SID").strip()
        if not sender and not service:
            raise ImproperlyConfigured(
                "HELPDESK_SMS_TWILIO_FROM or HELPDESK_SMS_TWILIO_MESSAGING_SERVICE_SID "
                "must be set."
            )
        self.sender = (
            {"messaging_service_sid": service} if service else {"from_": sender}
        )
        timeout = conf.seconds("HELPDESK_SMS_TIMEOUT", DEFAULT_TIMEOUT)
        self.client = Client(
            account_sid,
            auth_token,
            http_client=TwilioHttpClient(timeout=timeout),
        )
        # Twilio's API domain takes its address from here on every request.
        self.client.api.base_url = _api_url()

    def send(self, to: str, body: str) -> str:
        try:
            message = self.client.messages.create(to=to, body=body, **self.sender)
        except TwilioException as error:
            status = getattr(error, "status", None)
            if not isinstance(status, int):
                raise SmsSendError(f"Twilio: {error}", retryable=True) from error
            raise SmsSendError(
                _refusal(error, status),
                retryable=status in RETRY_STATUSES or status >= 500,
            ) from error
        except requests.RequestException as error:
            raise SmsSendError(
                f"Twilio could not be reached: {type(error).__name__}: {error}",
                retryable=True,
            ) from error
        return str(message.sid or "")


def _refusal(error: TwilioException, status: int) -> str:
    """Twilio's answer in one line (its own `str()` is several, coloured on a tty)."""
    code = getattr(error, "code", None)
    text = getattr(error, "msg", None) or getattr(error, "detail", None) or ""
    title = f"Twilio answered {status}" + (f" (error {code})" if code else "")
    return f"{title}: {text}" if text else title
