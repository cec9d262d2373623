"""The stand-in host's implementation of the helpdesk's host port.

What Saleor's host does the same way is inherited from `SharedHostPort`
(`saleor_helpdesk/host/shared.py`); here is only what the stand-in does its own way:
its tokens, its order notes and signatures, its refund settings and refund machinery
(`payments.py`), its app rows.
"""

import hashlib
import hmac

import jwt
from django.conf import settings
from django.db.models import Q
from django.http import HttpRequest

from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.core.constants import RefundMethod, RefundState
from saleor_helpdesk.core.permissions import Perm
from saleor_helpdesk.dashboard.app import DashboardAppSpec, InstallResult
from saleor_helpdesk.host import AuthenticationError, app_registration
from saleor_helpdesk.host.order_reading import (
    GRANTED_REFUND_STATES,
    last_payment,
    refund_transaction_of,
)
from saleor_helpdesk.host.refunds import (
    RefundPlan,
    RefundReason,
    RefundRefused,
    RefundSubmission,
)
from saleor_helpdesk.host.shared import SharedHostPort
from saleor_helpdesk.host.staff_access import channel_ids_of
from saleor_helpdesk.host.third_party import app_pk_from_claim, check_helpdesk_app

from . import payments
from .account.models import User
from .app.models import App, AppExtension, AppToken, hash_token
from .order.models import OrderEvent
from .permission.models import Permission
from .site.models import SiteSettings
from .tokens import ACCESS_TYPE, THIRDPARTY_TYPE, decode_access_token


def _bearer(request: HttpRequest) -> str | None:
    header = request.META.get("HTTP_AUTHORIZATION", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() in ("bearer", "jwt") and token.strip():
        return token.strip()
    return None


def _codes(codenames) -> set[str]:
    # Saleor's permission enums are the upper-cased codenames (manage_orders).
    return {codename.upper() for codename in codenames}


def _effective_permissions(user) -> set[str]:
    """Saleor's `User.effective_permissions`: the user's and their groups'; all of
    them for a superuser."""
    perms = _codes(
        Permission.objects.filter(Q(user_set=user) | Q(group__user_set=user))
        .values_list("codename", flat=True)
        .distinct()
    )
    if user.is_superuser:
        perms |= {p.value for p in Perm}
    return perms


class StandInHost(SharedHostPort):
    def authenticate(self, request: HttpRequest) -> Actor:
        token = _bearer(request)
        if token is None:
            return Actor.anonymous()
        if token.count(".") == 2:
            return self._user_actor(token)
        app_token = (
            AppToken.objects.select_related("app")
            .filter(
                auth_token=hash_token(token),
                app__is_active=True,
                app__removed_at__isnull=True,
            )
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
        if payload.get("type") not in (ACCESS_TYPE, THIRDPARTY_TYPE):
            raise AuthenticationError("Invalid token type.")
        user = User.objects.filter(
            pk=payload.get("user_id"), email=payload.get("email"), is_active=True
        ).first()
        if user is None or user.jwt_token_key != payload.get("token"):
            raise AuthenticationError("Invalid token.")
        app = None
        if payload["type"] == THIRDPARTY_TYPE:
            # Saleor accepts a Dashboard token of any app; the helpdesk only its own.
            app = check_helpdesk_app(
                App.objects.filter(pk=app_pk_from_claim(payload)).first()
            )
        if not (user.is_staff or payload.get("is_staff")):
            return Actor.customer(user)
        if app is not None:
            # Saleor's rule: a `permissions` claim replaces the user's effective
            # permissions (the app's ∩ the user's when the token was issued); the
            # helpdesk also drops what the app has lost since.
            perms = set(payload.get("permissions") or ()) & _codes(
                app.permissions.values_list("codename", flat=True)
            )
        else:
            perms = _effective_permissions(user)
        return Actor.staff(user, perms, channel_ids_of(user))

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

    # Refunds: the same rules as Saleor's mutations (see `payments.py`).

    def refund_reasons(self) -> tuple[RefundReason, ...] | None:
        reference_type = SiteSettings.current().refund_reason_reference_type
        if reference_type is None:
            return None
        return tuple(
            RefundReason(id=str(page.pk), title=page.title)
            for page in reference_type.pages.order_by("title")
        )

    def submit_refund(
        self, *, actor: Actor, order, plan: RefundPlan
    ) -> RefundSubmission:
        item = refund_transaction_of(order)
        if item is not None:
            granted_refund = payments.grant_refund(
                actor=actor,
                order=order,
                transaction_item=item,
                amount=plan.amount,
                lines=plan.lines,
                include_shipping=plan.include_shipping,
                reason=plan.reason,
                reason_reference_id=plan.reason_reference_id,
            )
            payments.request_refund_for_granted_refund(
                actor=actor, granted_refund=granted_refund
            )
            granted_refund.refresh_from_db()
            return RefundSubmission(
                state=GRANTED_REFUND_STATES[granted_refund.status],
                method=RefundMethod.TRANSACTION,
                granted_refund_id=str(granted_refund.pk),
                transaction_id=str(item.token),
            )
        payment = last_payment(order)
        if payment is None:
            raise RefundRefused(None, "no_payment_to_refund", "Order has no payment.")
        payments.refund_products(
            actor=actor,
            order=order,
            payment=payment,
            amount=plan.amount,
            lines=plan.lines,
            include_shipping=plan.include_shipping,
        )
        return RefundSubmission(
            state=RefundState.SUCCEEDED,
            method=RefundMethod.PAYMENT,
            payment_id=str(payment.pk),
        )

    def install_dashboard_app(self, spec: DashboardAppSpec) -> InstallResult:
        return app_registration.install(spec, APP_ROWS)

    def uninstall_dashboard_app(self, identifier: str) -> bool:
        return app_registration.uninstall(identifier, APP_ROWS)


def _permissions_by_name(names) -> dict[str, Permission]:
    """Saleor's permission rows always exist (its migrations write them); the
    stand-in writes a row the first time one is asked for."""
    return {
        name: Permission.objects.get_or_create(
            codename=name.lower(), defaults={"name": name.lower().replace("_", " ")}
        )[0]
        for name in names
    }


APP_ROWS = app_registration.AppRows(
    app_model=App,
    extension_model=AppExtension,
    token_model=AppToken,
    permissions=_permissions_by_name,
)
