"""Dashboard tokens ("third-party" tokens) are bound to the helpdesk's own app.

Saleor's Dashboard asks for a short-lived token per app (`App.accessToken`, or
`AppExtension.accessToken` for a widget): a JWT of type `thirdparty` whose `app` claim
is the app's global ID and whose permissions are the app's (or the extension's) ∩ the
staff user's. Saleor itself accepts such a token for any app. The helpdesk accepts only
those issued for its own app, while that app is active and not removed: a token another
app's iframe received must not open the helpdesk. Shared by both host implementations.
"""

import base64
from typing import Any

from .. import PLUGIN_ID
from .base import AuthenticationError

THIRDPARTY_TYPE = "thirdparty"

FOREIGN_APP_MESSAGE = (
    "Invalid token: it was issued for another app. The helpdesk accepts Dashboard "
    "tokens of its own app only."
)
APP_GONE_MESSAGE = (
    "Invalid token: the helpdesk's Dashboard app is deactivated or removed."
)


def app_pk_from_claim(payload: dict[str, Any]) -> int:
    """The primary key in the token's `app` claim (a Relay global ID `App:<pk>`)."""
    try:
        kind, _, pk = base64.b64decode(payload["app"]).decode().partition(":")
        if kind == "App":
            return int(pk)
    except (KeyError, TypeError, ValueError):  # also binascii and Unicode errors
        pass
    raise AuthenticationError(FOREIGN_APP_MESSAGE)


def check_helpdesk_app(app: Any) -> Any:
    """The token's app, if it is the helpdesk's and switched on; else an error."""
    if app is None or app.identifier != PLUGIN_ID:
        raise AuthenticationError(FOREIGN_APP_MESSAGE)
    if not app.is_active or getattr(app, "removed_at", None) is not None:
        raise AuthenticationError(APP_GONE_MESSAGE)
    return app
