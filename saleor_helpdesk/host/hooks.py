"""The door Saleor's plugin hooks come through (`plugin.py` calls these).

Every entry is guarded: whatever goes wrong in the helpdesk is logged and swallowed, in
a savepoint, so a helpdesk error never reaches Saleor's checkout, order or payment flow
and never poisons the transaction Saleor may still be in. Bodies stay thin: read the
few values the domain needs off Saleor's object, record, and leave anything slow
(asking Saleor about refunds) to Celery after commit.
"""

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.db import transaction

from ..actions.privacy import erase_deleted_account
from ..core.constants import OrderHappening
from ..refunds.tasks import sync_order_refunds_task
from ..timeline import order_events

logger = logging.getLogger(__name__)


@contextmanager
def guarded(hook: str) -> Iterator[None]:
    try:
        with transaction.atomic():
            yield
    except Exception:
        logger.exception("Helpdesk hook %s failed; the shop's flow goes on.", hook)


def _on_commit(task: Callable[[], Any]) -> None:
    def send() -> None:
        try:
            task()
        except Exception:  # a broker that is down: the periodic sync catches up
            logger.exception("Helpdesk could not queue a refund sync.")

    transaction.on_commit(send)


def order_happened(order: Any, happening: OrderHappening) -> None:
    with guarded(f"order_{happening.value}"):
        order_events.record_order_happening(
            order_id=order.pk, order_number=order.number, happening=happening
        )
        if happening in (OrderHappening.REFUNDED, OrderHappening.FULLY_REFUNDED):
            fully = happening == OrderHappening.FULLY_REFUNDED
            order_id = str(order.pk)
            _on_commit(lambda: sync_order_refunds_task.delay(order_id, fully))


def fulfillment_created(fulfillment: Any) -> None:
    with guarded("fulfillment_created"):
        order = fulfillment.order
        order_events.record_order_happening(
            order_id=order.pk,
            order_number=order.number,
            happening=OrderHappening.FULFILLMENT_CREATED,
        )


def customer_created(user: Any) -> None:
    with guarded("customer_created"):
        order_events.record_customer_registered(user_id=user.pk, email=user.email)


def account_confirmed(user: Any) -> None:
    with guarded("account_confirmed"):
        if getattr(user, "is_confirmed", True):
            order_events.link_guest_tickets(user=user, email=user.email)


def account_deleted(user: Any, hook: str) -> None:
    """Saleor deleted an account: erase what the helpdesk holds about that person.

    By now the user row is gone and Saleor's delete set the tickets' account link to
    null; the instance still carries the id (Saleor puts it back after deleting) and
    the address, which is how the tickets are found."""
    with guarded(hook):
        erase_deleted_account(
            user_id=getattr(user, "pk", None) or getattr(user, "id", None),
            email=getattr(user, "email", None),
            first_name=getattr(user, "first_name", "") or "",
            last_name=getattr(user, "last_name", "") or "",
        )
