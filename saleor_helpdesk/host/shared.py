"""The part of the host port both hosts implement alike, over Saleor's model names.

Saleor's models and the stand-in host's share their app labels, model names, relation
and field names (`shop_models.py`, `staff_access.py`, `order_reading.py`,
`address_reading.py`), so this code runs unchanged on either host. Each host inherits
`SharedHostPort` and adds only what differs between them: authentication, order notes,
signing, refund reasons, submitting a refund, app registration. Nothing here imports
Saleor.
"""

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.db.models import Count, Sum

from ..core.actor import Actor
from ..core.constants import DRAFT_ORDER_STATUS
from .address_reading import address_phones_of
from .base import AddressPhones, CustomerSummary, HostPort
from .order_reading import payments_of, refund_options_of, refund_status_of
from .refunds import PaymentSummary, RefundOptions, RefundStatus
from .shop_models import order_model, user_model
from .staff_access import StaffAccess, staff_access_of, staff_actor


def permission_codes(permissions: Iterable[Any]) -> set[str]:
    """The enum names of permission rows (Saleor's enum names are the upper-cased
    codenames: manage_orders → MANAGE_ORDERS)."""
    return {permission.codename.upper() for permission in permissions}


class SharedHostPort(HostPort):
    def current_actor(self, *, user: Any = None, app: Any = None) -> Actor:
        if app is not None:
            if not app.is_active or app.removed_at is not None:
                return Actor.anonymous()
            return Actor.for_app(app, permission_codes(app.permissions.all()))
        if user is None or not user.is_active:
            return Actor.anonymous()
        if not user.is_staff:
            return Actor.customer(user)
        return staff_actor(user, self.staff_access([user.pk]))

    def staff_access(self, user_ids: Iterable[int]) -> dict[int, StaffAccess]:
        return staff_access_of(user_model(), user_ids)

    def customer_summary(self, *, user: Any | None, email: str) -> CustomerSummary:
        # Saleor's `Order.objects.non_draft()`.
        orders = order_model().objects.exclude(status=DRAFT_ORDER_STATUS)
        orders = (
            orders.filter(user=user)
            if user
            else orders.filter(user_email__iexact=email)
        )
        totals = orders.aggregate(count=Count("pk"), total=Sum("total_gross_amount"))
        return CustomerSummary(
            email=user.email if user else email,
            name=user.get_full_name() if user else "",
            user_id=user.pk if user else None,
            is_registered=user is not None,
            date_joined=user.date_joined if user else None,
            order_count=totals["count"],
            total_spent=totals["total"] or Decimal(0),
            currency=orders.values_list("currency", flat=True).first(),
            language_code=user.language_code if user else None,
        )

    def address_phones(
        self, *, order_ids: Iterable[Any] = (), user_ids: Iterable[int] = ()
    ) -> AddressPhones:
        return address_phones_of(order_ids, user_ids)

    # Refunds: reading what the order allows and where a refund stands is the same on
    # both hosts (`order_reading.py`); each host lists its refund reasons and submits.

    def payments(self, *, order: Any) -> tuple[PaymentSummary, ...]:
        return payments_of(order)

    def refund_options(self, *, order: Any) -> RefundOptions:
        return refund_options_of(order, self.refund_reasons())

    def refund_status(
        self, *, order: Any, method: str, granted_refund_id: str, reference: str
    ) -> RefundStatus | None:
        return refund_status_of(order, method, granted_refund_id, reference)
