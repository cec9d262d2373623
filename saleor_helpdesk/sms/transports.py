"""The SMS transport: the one place that knows how a text reaches a phone.

A transport is a class named by the deployment setting `HELPDESK_SMS_TRANSPORT` (a
dotted path, read through `core/conf.py`), made without arguments (it reads its own
settings the same way) for each send. It has one method, `send(to, body)`, which hands
the text to the provider and returns the provider's id for it, or raises
`SmsSendError` saying whether trying again later may help.

Nothing is set by default: then SMS is unavailable, `sms_enabled()` is false and
`get_transport()` raises `SmsNotConfigured`. A path that cannot be imported (the extra
of its provider library is not installed) or a transport that is missing a setting is
the same error, with the reason, so a shop sees why instead of a crash.
"""

import logging
from typing import Protocol

from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

from ..core import conf

logger = logging.getLogger(__name__)

SETTING = "HELPDESK_SMS_TRANSPORT"


class SmsTransport(Protocol):
    def send(self, to: str, body: str) -> str:
        """Hand one text to the provider; returns the provider's id for it. `to` is
        E.164 (`+4915112345678`). Raises `SmsSendError` when the provider did not
        take it."""
        ...


class SmsSendError(Exception):
    """The provider did not take the text. `retryable`: whether the same text may go
    through later (the provider or the network was down, a rate limit) or never will
    (an invalid or blocked number, credentials the provider refuses)."""

    def __init__(self, message: str, *, retryable: bool) -> None:
        super().__init__(message)
        self.retryable = retryable


class SmsNotConfigured(Exception):
    """No transport is set, or the one set cannot be made; the message says which."""


def transport_path() -> str:
    return conf.text(SETTING).strip()


def get_transport() -> SmsTransport:
    path = transport_path()
    if not path:
        raise SmsNotConfigured("SMS is not configured.")
    try:
        transport_class = import_string(path)
    except ImportError as error:
        raise SmsNotConfigured(
            f"SMS is not configured: {SETTING} names {path!r}, which cannot be "
            f"imported ({error})."
        ) from error
    try:
        return transport_class()
    except ImproperlyConfigured as error:
        raise SmsNotConfigured(f"SMS is not configured: {error}") from error


def sms_enabled() -> bool:
    """Whether a text can be handed to a transport now."""
    try:
        get_transport()
    except SmsNotConfigured as error:
        if transport_path():
            logger.warning("%s", error)
        return False
    return True
