"""The stand-in host's implementation of the helpdesk's host port."""

import hashlib
import hmac
from decimal import Decimal

import jwt
from django.conf import settings
from django.db.models import Count, Q, Sum
from django.http import HttpRequest

from saleor_helpdesk.actor import Actor
from saleor_helpdesk.host import AuthenticationError, CustomerSummary, HostPort
from saleor_helpdesk.permissions import Perm

from .account.models import Group, User
from .app.models import AppToken, hash_token
from .order.models import Order, OrderEvent
from .permission.models import Permission
from .tokens import ACCESS_TYPE, decode_access_token


def _bearer(request: HttpRequest) -> str | None:
    header = request.META.get("HTTP_AUTHORIZATION", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() in ("bearer", "jwt") and token.strip():
        return token.strip()
    return None


def _codes(codenames) -> set[str]:
    # Saleor's permission enums are the upper-cased codenames (manage_orders).
    return {codename.upper() for codename in codenames}


class StandInHost(HostPort):
    def authenticate(self, request: HttpRequest) -> Actor:
        token = _bearer(request)
        if token is None:
            return Actor.anonymous()
        if token.count(".") == 2:
            return self._user_actor(token)
        app_token = (
            AppToken.objects.select_related("app")
            .filter(auth_token=hash_token(token), app__is_active=True)
            .first()
        )
        if app_token is None:
            raise AuthenticationError("Invalid token.")
        app = app_token.app
        return Actor.for_app(
            app, _codes(app.permissions.values_list("codename", flat=True))
        )

    def _user_actor(self, token: str) -> Actor:
        try:
            payload = decode_access_token(token)
        except jwt.ExpiredSignatureError as error:
            raise AuthenticationError("Signature has expired.") from error
        except jwt.PyJWTError as error:
            raise AuthenticationError("Invalid token.") from error
        if payload.get("type") != ACCESS_TYPE:
            raise AuthenticationError("Invalid token type.")
        user = User.objects.filter(
            pk=payload.get("user_id"), email=payload.get("email"), is_active=True
        ).first()
        if user is None or user.jwt_token_key != payload.get("token"):
            raise AuthenticationError("Invalid token.")
        if not user.is_staff:
            return Actor.customer(user)
        # Two queries, as Saleor's effective permissions and channel loaders need.
        perms = set(
            Permission.objects.filter(Q(user_set=user) | Q(group__user_set=user))
            .values_list("codename", flat=True)
            .distinct()
        )
        rows = list(
            Group.objects.filter(user_set=user).values_list(
                "pk", "restricted_access_to_channels", "channels__id"
            )
        )
        # Saleor's rule: any unrestricted group opens every channel; otherwise the
        # union of the groups' channels (none without groups).
        if user.is_superuser or any(not restricted for _, restricted, _ in rows):
            channel_ids = None
        else:
            channel_ids = {channel for _, _, channel in rows if channel is not None}
        if user.is_superuser:
            perms |= {p.value.lower() for p in Perm}
        return Actor.staff(user, _codes(perms), channel_ids)

    def customer_summary(self, *, user, email: str) -> CustomerSummary:
        orders = Order.objects.exclude(status="draft")
        orders = (
            orders.filter(user=user)
            if user
            else orders.filter(user_email__iexact=email)
        )
        totals = orders.aggregate(count=Count("pk"), total=Sum("total_gross_amount"))
        currency = orders.values_list("currency", flat=True).first()
        return CustomerSummary(
            email=user.email if user else email,
            name=user.get_full_name() if user else "",
            user_id=user.pk if user else None,
            is_registered=user is not None,
            date_joined=user.date_joined if user else None,
            order_count=totals["count"],
            total_spent=totals["total"] or Decimal(0),
            currency=currency,
            language_code=user.language_code if user else None,
        )

    def add_order_note(self, *, order, actor: Actor, message: str) -> None:
        OrderEvent.objects.create(
            order=order,
            type="note_added",
            parameters={"message": message},
            user=actor.user if actor.user_id else None,
            app=actor.app,
        )

    def sign_payload(self, payload: bytes) -> str:
        return hmac.new(
            settings.SECRET_KEY.encode(), payload, hashlib.sha256
        ).hexdigest()
