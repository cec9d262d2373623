"""The helpdesk's deployment settings: a Django setting of the name, else an
environment variable of the same name, else the default.

Saleor reads its own settings from the environment in its `settings.py`, which a plugin
cannot extend; reading the variable here gives a Saleor admin the same way to set the
helpdesk's (`HELPDESK_WEBHOOKS_ALLOW_LOOPBACK=true` in development, the attachments'
folder, the ticket URL in e-mails, …) without editing Saleor's settings. A Django
setting wins, so a host project that sets one keeps full control. A value that cannot
be read is a configuration error naming the variable, never a silent default.
"""

import json
import os
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def _raw(name: str) -> tuple[bool, Any]:
    """(found, value): the Django setting, else the environment variable."""
    if hasattr(settings, name):
        return True, getattr(settings, name)
    if name in os.environ:
        return True, os.environ[name]
    return False, None


def value(name: str) -> Any:
    """The setting as given, or None: a Django setting keeps its type (a list stays a
    list), an environment variable is text."""
    return _raw(name)[1]


def mapping(name: str) -> dict[str, Any]:
    """A dictionary: the Django setting, else the environment variable holding a JSON
    object; empty when neither is set."""
    found, given = _raw(name)
    if not found or given is None or given == "":
        return {}
    if isinstance(given, str):
        try:
            given = json.loads(given)
        except ValueError:
            given = None
    if not isinstance(given, dict):
        raise ImproperlyConfigured(
            f"{name} must be a dictionary (as an environment variable: a JSON object "
            'such as {"KEY": "value"}).'
        )
    return given


def text(name: str, default: str = "") -> str:
    found, value = _raw(name)
    return str(value) if found and value is not None else default


def flag(name: str, default: bool = False) -> bool:
    found, value = _raw(name)
    if not found or value is None:
        return default
    if isinstance(value, bool):
        return value
    word = str(value).strip().lower()
    if word in _TRUE or word in _FALSE:
        return word in _TRUE
    raise ImproperlyConfigured(
        f"{name} must be true or false (also 1/0, yes/no, on/off), not {value!r}."
    )


def number(name: str, default: int, minimum: int = 1) -> int:
    found, value = _raw(name)
    if not found or value is None:
        return default
    try:
        result = int(value)
    except (TypeError, ValueError):
        result = minimum - 1
    if result < minimum:
        raise ImproperlyConfigured(
            f"{name} must be a whole number of at least {minimum}, not {value!r}."
        )
    return result


def seconds(name: str, default: float) -> float:
    """A positive duration in seconds (`2.5` allowed)."""
    found, value = _raw(name)
    if not found or value is None:
        return default
    try:
        result = float(value)
    except (TypeError, ValueError):
        result = 0.0
    if not result > 0 or result == float("inf"):
        raise ImproperlyConfigured(
            f"{name} must be a positive number of seconds, not {value!r}."
        )
    return result
