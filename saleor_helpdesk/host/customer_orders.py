"""Customers' order counts and totals for many tickets at once (automation rules).

Counted as the ticket page's customer summary counts them (`shared.py`): the orders
that are not drafts (Saleor's `Order.objects.non_draft()`), of the customer's account,
or of the e-mail address for a guest. Both hosts: Saleor's field names only.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, Sum

from ..core.constants import DRAFT_ORDER_STATUS
from .shop_models import order_model


@dataclass(frozen=True)
class OrderTotals:
    count: int = 0
    total_spent: Decimal = Decimal(0)

    def __add__(self, other: "OrderTotals") -> "OrderTotals":
        return OrderTotals(
            count=self.count + other.count,
            total_spent=self.total_spent + other.total_spent,
        )


def customer_order_totals(
    user_ids: Iterable[int], emails: Iterable[str]
) -> tuple[dict[int, OrderTotals], dict[str, OrderTotals]]:
    """(by user id, by lower-case guest e-mail), in one query."""
    user_ids = set(user_ids)
    emails = {email.lower() for email in emails if email}
    if not user_ids and not emails:
        return {}, {}
    wanted = Q(user_id__in=user_ids) | Q(user_email__in=emails)
    rows = (
        order_model()
        .objects.exclude(status=DRAFT_ORDER_STATUS)
        .filter(wanted)
        .values("user_id", "user_email")
        .annotate(count=Count("pk"), total=Sum("total_gross_amount"))
    )
    by_user: dict[int, OrderTotals] = {}
    by_email: dict[str, OrderTotals] = {}
    for row in rows:
        totals = OrderTotals(count=row["count"], total_spent=row["total"] or Decimal(0))
        email = (row["user_email"] or "").lower()
        if row["user_id"] in user_ids:
            by_user[row["user_id"]] = (
                by_user.get(row["user_id"], OrderTotals()) + totals
            )
        if email in emails:
            by_email[email] = by_email.get(email, OrderTotals()) + totals
    return by_user, by_email
