"""Tokens of the stand-in host, shaped like Saleor's access tokens (`core/jwt.py`):
a JWT with `type`, `email`, `user_id` and the user's `token` key. Signed with HS256 and
the stand-in's SECRET_KEY (Saleor signs RS256 with its own key)."""

from datetime import UTC, datetime, timedelta

import jwt
from django.conf import settings
from django.utils.crypto import get_random_string

from .app.models import App, AppToken, hash_token

ACCESS_TYPE = "access"
ALGORITHM = "HS256"


def create_access_token(user, *, ttl: timedelta = timedelta(minutes=30)) -> str:
    now = datetime.now(UTC)
    payload = {
        "type": ACCESS_TYPE,
        "iat": now,
        "exp": now + ttl,
        "email": user.email,
        "user_id": str(user.pk),
        "token": user.jwt_token_key,
        "is_staff": user.is_staff,
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
