"""Guests: a customer who ordered without an account proves who they are with the
order's token (Saleor's order id) and the order's e-mail address."""

from uuid import UUID

from ..core.actor import Actor
from ..core.constants import DRAFT_ORDER_STATUS
from ..core.error_codes import HelpdeskErrorCode
from ..core.errors import HelpdeskPermissionDenied, field_error
from ..host.shop_models import order_model


def guest_actor(order_token: str, email: str) -> Actor:
    """The guest actor for one order, or a typed error.

    A wrong token and a wrong e-mail get the same answer, so neither can be probed.
    """
    not_found = field_error(
        "order_token",
        "No order matches this token and e-mail address.",
        HelpdeskErrorCode.NOT_FOUND,
    )
    try:
        order_id = UUID(str(order_token))
    except ValueError:
        raise not_found from None
    order = (
        order_model()
        .objects.filter(pk=order_id)
        .exclude(status=DRAFT_ORDER_STATUS)
        .values("user_id", "user_email")
        .first()
    )
    address = (email or "").strip().lower()
    if order is None or not address or (order["user_email"] or "").lower() != address:
        raise not_found
    if order["user_id"] is not None:
        raise HelpdeskPermissionDenied(
            "This order belongs to a customer account: sign in to write about it.",
            field="order_token",
        )
    return Actor.guest(order_id, address)
