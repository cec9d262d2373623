"""Which text an e-mail is sent with: the merchant's override of a notification in a
language, else the shipped text. Read by the settings API and by the actions that
write the overrides (`actions/config/emails.py`)."""

from dataclasses import dataclass
from typing import Any

from ..core.error_codes import HelpdeskErrorCode
from ..core.errors import field_error
from ..models import EmailTemplate
from .defaults import DEFAULTS
from .kinds import Notification


@dataclass(frozen=True)
class EffectiveTemplate:
    notification: str
    language: str
    subject: str
    body: str
    is_active: bool
    is_customized: bool


def check_notification(value: Any) -> str:
    """The notification's key; a typed `invalid` error for anything else."""
    if value not in Notification.values:
        raise field_error(
            "notification",
            f"'{value}' is not a notification.",
            HelpdeskErrorCode.INVALID,
        )
    return str(value)


def effective_template(
    notification: str, language: str, row: EmailTemplate | None
) -> EffectiveTemplate:
    """The text sent for `notification` in `language`: the merchant's row if there is
    one, else the shipped text (English where none is shipped in `language`)."""
    if row is not None:
        return EffectiveTemplate(
            notification, language, row.subject, row.body, row.is_active, True
        )
    shipped = DEFAULTS[notification]
    subject, body = shipped.get(language) or shipped["en"]
    return EffectiveTemplate(notification, language, subject, body, True, False)
