"""The host port implemented on Saleor 3.22+ (imports Saleor: load only inside Saleor).

Authentication uses Saleor's own functions, so a token Saleor refuses is refused here;
permissions are Saleor's effective permissions (for a Dashboard token, the ones Saleor
put in it: the app's ∩ the user's); channel access follows Saleor's permission groups.
Dashboard ("third-party") tokens are accepted only for the helpdesk's own app. What
both hosts do alike (the current actor, staff access, the customer summary, reading an
order's payments and refunds) is inherited from `shared.py`; refunding is
`saleor_refunds.py`.
"""

from collections.abc import Iterable, Mapping
from contextlib import AbstractContextManager
from dataclasses import replace
from typing import Any

import jwt
from django.contrib.auth.hashers import check_password
from django.db.models import Model
from django.http import HttpRequest
from saleor.app.models import App, AppExtension, AppToken
from saleor.core.auth import get_token_from_request
from saleor.core.db.connection import allow_writer
from saleor.core.jwt import (
    JWT_ACCESS_TYPE,
    JWT_THIRDPARTY_ACCESS_TYPE,
    get_user_from_access_payload,
    is_saleor_token,
    jwt_decode,
)
from saleor.core.jwt_manager import get_jwt_manager
from saleor.order.events import order_note_added_event
from saleor.permission.enums import get_permissions, get_permissions_enum_dict

from ..core.actor import Actor
from ..dashboard.app import DashboardAppSpec, InstallResult
from . import app_registration
from .base import AuthenticationError
from .saleor_refunds import SaleorRefunds
from .shared import SharedHostPort, permission_codes
from .staff_access import channel_ids_of
from .third_party import app_pk_from_claim, check_helpdesk_app

# Saleor's app tokens are 30 characters (`saleor/app/models.py`); anything else is a JWT.
APP_TOKEN_LENGTH = 30


class SaleorHost(SaleorRefunds, SharedHostPort):
    def authenticate(self, request: HttpRequest) -> Actor:
        token = get_token_from_request(request)
        if not token:
            return Actor.anonymous()
        if len(token) == APP_TOKEN_LENGTH and "." not in token:
            return replace(self._app_actor(token), credentials=token)
        return replace(self._user_actor(token), credentials=token)

    def _app_actor(self, raw: str) -> Actor:
        # What Saleor's AppByTokenLoader does, without the GraphQL context.
        candidates = AppToken.objects.filter(
            token_last_4=raw[-4:], app__is_active=True, app__removed_at__isnull=True
        ).select_related("app")
        for app_token in candidates:
            if check_password(raw, app_token.auth_token):
                app: App = app_token.app
                return Actor.for_app(app, permission_codes(app.permissions.all()))
        raise AuthenticationError("Invalid token.")

    def _user_actor(self, token: str) -> Actor:
        if not is_saleor_token(token):
            raise AuthenticationError("Invalid token.")
        try:
            payload = jwt_decode(token)
            if payload.get("type") not in (JWT_ACCESS_TYPE, JWT_THIRDPARTY_ACCESS_TYPE):
                raise AuthenticationError("Invalid token type.")
            user = get_user_from_access_payload(payload)
        except jwt.ExpiredSignatureError as error:
            raise AuthenticationError("Signature has expired.") from error
        except jwt.PyJWTError as error:
            raise AuthenticationError("Invalid token.") from error
        if user is None:
            raise AuthenticationError("Invalid token.")
        app = None
        if payload["type"] == JWT_THIRDPARTY_ACCESS_TYPE:
            app = check_helpdesk_app(
                App.objects.filter(pk=app_pk_from_claim(payload)).first()
            )
        if not user.is_staff:
            return Actor.customer(user)
        # For a Dashboard token Saleor has replaced the user's effective permissions
        # with the token's: the app's ∩ the user's when it was issued.
        permissions = permission_codes(user.effective_permissions)
        if app is not None:
            # A permission taken from the app since the token was issued is gone now.
            permissions &= permission_codes(app.permissions.all())
        return Actor.staff(user, permissions, channel_ids_of(user))

    def add_order_note(self, *, order: Any, actor: Actor, message: str) -> None:
        order_note_added_event(
            order=order,
            user=actor.user if actor.user_id else None,
            app=actor.app,
            message=message,
        )

    def sign_payload(self, payload: bytes) -> str:
        # The detached JWS Saleor's own webhooks carry (`Saleor-Signature`), verifiable
        # with the shop's /.well-known/jwks.json.
        return get_jwt_manager().jws_encode(payload, is_payload_detached=True)

    def install_dashboard_app(self, spec: DashboardAppSpec) -> InstallResult:
        with allow_writer():
            return app_registration.install(spec, _APP_ROWS)

    def uninstall_dashboard_app(self, identifier: str) -> bool:
        with allow_writer():
            return app_registration.uninstall(identifier, _APP_ROWS)

    def writer_access(self) -> AbstractContextManager[None]:
        # A task runs right after the commit that enqueued it: the replica may lag
        # behind, so helpdesk tasks read and write through the writer.
        return allow_writer()


def _permissions_by_name(names: Iterable[str]) -> Mapping[str, Model]:
    """Saleor's permission rows for enum names, found as Saleor finds them
    (`permission/enums.py`)."""
    enums = get_permissions_enum_dict()
    names = list(names)
    unknown = [name for name in names if name not in enums]
    if unknown:
        raise LookupError(f"Saleor has no permission {', '.join(unknown)}.")
    rows = {
        row.codename: row for row in get_permissions([enums[n].value for n in names])
    }
    return {name: rows[enums[name].codename] for name in names}


_APP_ROWS = app_registration.AppRows(
    app_model=App,
    extension_model=AppExtension,
    token_model=AppToken,
    permissions=_permissions_by_name,
)
