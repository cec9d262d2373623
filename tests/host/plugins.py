"""The stand-in's plugin manager: where Saleor's `PluginsManager` would call the
helpdesk plugin's hooks, the stand-in calls the same `saleor_helpdesk.host.hooks` functions
that `HelpdeskPlugin`'s methods call (the plugin class itself imports Saleor)."""

from saleor_helpdesk.core.constants import OrderHappening
from saleor_helpdesk.host import hooks


def order_refunded(order, *, fully: bool = False) -> None:
    # Saleor's `order_refunded` action calls `order_refunded`, and also
    # `order_fully_refunded` when the refunded total reaches the order's total.
    hooks.order_happened(order, OrderHappening.REFUNDED)
    if fully or _fully_refunded(order):
        hooks.order_happened(order, OrderHappening.FULLY_REFUNDED)


def _fully_refunded(order) -> bool:
    refunded = sum(
        order.payment_transactions.values_list("refunded_value", flat=True), 0
    )
    return order.total_gross_amount > 0 and refunded >= order.total_gross_amount


def order_happened(order, happening: OrderHappening) -> None:
    hooks.order_happened(order, happening)


def fulfillment_created(fulfillment) -> None:
    hooks.fulfillment_created(fulfillment)


def customer_created(user) -> None:
    hooks.customer_created(user)


def account_confirmed(user) -> None:
    hooks.account_confirmed(user)


def delete_customer(user, hook: str = "customer_deleted") -> None:
    """Saleor's `customerDelete` (and `accountDelete`, hook `account_deleted`): delete
    the row in a transaction, put the id back on the instance, and call the hook on
    commit with that instance (`saleor/graphql/account/mutations/staff/
    customer_delete.py`, `core/utils/events.py` `call_event`)."""
    from django.db import transaction

    with transaction.atomic():
        db_id = user.id
        user.delete()
        user.id = db_id
        transaction.on_commit(lambda: hooks.account_deleted(user, hook))
