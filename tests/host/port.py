"""The stand-in host's implementation of the helpdesk's host port."""

import hashlib
import hmac
from decimal import Decimal

import jwt
from django.conf import settings
from django.db.models import Count, Q, Sum
from django.http import HttpRequest

from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.core.constants import RefundMethod, RefundState
from saleor_helpdesk.core.permissions import Perm
from saleor_helpdesk.dashboard.app import DashboardAppSpec, InstallResult
from saleor_helpdesk.host import (
    AuthenticationError,
    CustomerSummary,
    HostPort,
    app_registration,
)
from saleor_helpdesk.host.order_reading import (
    GRANTED_REFUND_STATES,
    last_payment,
    payments_of,
    refund_options_of,
    refund_status_of,
    refund_transaction_of,
)
from saleor_helpdesk.host.refunds import (
    PaymentSummary,
    RefundOptions,
    RefundPlan,
    RefundReason,
    RefundRefused,
    RefundStatus,
    RefundSubmission,
)
from saleor_helpdesk.host.staff_access import StaffAccess, staff_access_of, staff_actor
from saleor_helpdesk.host.third_party import app_pk_from_claim, check_helpdesk_app

from . import payments
from .account.models import Group, User
from .app.models import App, AppExtension, AppToken, hash_token
from .order.models import (
    Order,
    OrderEvent,
)
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


def _channel_ids(user) -> set[int] | None:
    """Saleor's rule: any unrestricted group opens every channel; otherwise the union
    of the groups' channels (none without groups)."""
    rows = list(
        Group.objects.filter(user_set=user).values_list(
            "restricted_access_to_channels", "channels__id"
        )
    )
    if user.is_superuser or any(not restricted for restricted, _ in rows):
        return None
    return {channel for _, channel in rows if channel is not None}


class StandInHost(HostPort):
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
        return Actor.staff(user, perms, _channel_ids(user))

    def current_actor(self, *, user=None, app=None) -> Actor:
        if app is not None:
            if not app.is_active or app.removed_at is not None:
                return Actor.anonymous()
            return Actor.for_app(
                app, _codes(app.permissions.values_list("codename", flat=True))
            )
        if user is None or not user.is_active:
            return Actor.anonymous()
        if not user.is_staff:
            return Actor.customer(user)
        return staff_actor(user, self.staff_access([user.pk]))

    def staff_access(self, user_ids) -> dict[int, StaffAccess]:
        return staff_access_of(User, user_ids)

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

    # Refunds: the same rules as Saleor's mutations (see `payments.py`).

    def refund_options(self, *, order) -> RefundOptions:
        return refund_options_of(order, self.refund_reasons())

    def payments(self, *, order) -> tuple[PaymentSummary, ...]:
        return payments_of(order)

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

    def refund_status(
        self, *, order, method: str, granted_refund_id: str, reference: str
    ) -> RefundStatus | None:
        return refund_status_of(order, method, granted_refund_id, reference)

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
