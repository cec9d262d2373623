"""Tokens of the stand-in host, shaped like Saleor's access tokens (`core/jwt.py`):
a JWT with `type`, `email`, `user_id` and the user's `token` key. Signed with HS256 and
the stand-in's SECRET_KEY (Saleor signs RS256 with its own key).

Dashboard tokens for an app (`create_access_token_for_app`) have type `thirdparty`, the
app's global ID in `app` and, in `permissions`, the app's ∩ the user's permissions."""

import base64
from datetime import UTC, datetime, timedelta

import jwt
from django.conf import settings
from django.db.models import Q
from django.utils.crypto import get_random_string

from saleor_helpdesk.core.permissions import Perm

from .app.models import App, AppToken, hash_token
from .permission.models import Permission

ACCESS_TYPE = "access"
THIRDPARTY_TYPE = "thirdparty"
ALGORITHM = "HS256"


def _user_payload(user, token_type: str, ttl: timedelta) -> dict:
    now = datetime.now(UTC)
    return {
        "type": token_type,
        "iat": now,
        "exp": now + ttl,
        "email": user.email,
        "user_id": str(user.pk),
        "token": user.jwt_token_key,
        "is_staff": user.is_staff,
    }


def create_access_token(user, *, ttl: timedelta = timedelta(minutes=30)) -> str:
    payload = _user_payload(user, ACCESS_TYPE, ttl)
    return jwt.encode(payload, settings.SECRET_KEY, algorithm=ALGORITHM)


def user_permission_names(user) -> set[str]:
    """The user's effective permissions as Saleor's enum names (MANAGE_ORDERS)."""
    codenames = Permission.objects.filter(
        Q(user_set=user) | Q(group__user_set=user)
    ).values_list("codename", flat=True)
    names = {codename.upper() for codename in codenames}
    return names | {p.value for p in Perm} if user.is_superuser else names


def app_global_id(app: App) -> str:
    return base64.b64encode(f"App:{app.pk}".encode()).decode()


def create_third_party_token(
    user, app: App, *, ttl: timedelta = timedelta(minutes=5)
) -> str:
    """What the Dashboard receives as `App.accessToken` (5 minutes, as Saleor's
    JWT_TTL_APP_ACCESS)."""
    app_permissions = {
        codename.upper()
        for codename in app.permissions.values_list("codename", flat=True)
    }
    user_permissions = user_permission_names(user)
    payload = _user_payload(user, THIRDPARTY_TYPE, ttl) | {
        "app": app_global_id(app),
        "permissions": sorted(app_permissions & user_permissions),
        "user_permissions": sorted(user_permissions),
    }
    return jwt.encode(payload, settings.SECRET_KEY, algorithm=ALGORITHM)


def decode_access_token(token: str) -> dict:
    return jwt.decode(token, settings.SECRET_KEY, algorithms=[ALGORITHM])


def create_app_token(app: App, name: str = "default") -> str:
    # Saleor's raw app tokens are 30 characters; the stand-in's are too.
    raw = get_random_string(30)
    AppToken.objects.create(
        app=app, name=name, auth_token=hash_token(raw), token_last_4=raw[-4:]
    )
    return raw
