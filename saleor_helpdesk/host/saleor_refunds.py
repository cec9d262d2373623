"""Refunds on Saleor 3.22+ (imports Saleor: load only inside Saleor).

The shop's refund reasons are read from Saleor's site settings and pages; what may be
refunded and where a refund stands are read as on the stand-in host (`order_reading.py`,
through `shared.py`). Refunding goes through Saleor's own GraphQL mutations, executed
in this process with the caller's own token: Saleor then applies its permissions
(MANAGE_ORDERS, HANDLE_PAYMENTS), the caller's channel access, its validation and its
payment machinery exactly as for a Dashboard user, and the helpdesk never writes a
payment row itself.

- Transactions API: `orderGrantRefundCreate` (lines, shipping, amount, reason and the
  shop's reason reference, on the transaction that will pay it back), then
  `transactionRequestRefundForGrantedRefund`; the payment app answers later
  (`transactionEventReport`), which Saleor reports through `order_refunded`.
- Legacy payments: `orderFulfillmentRefundProducts`, which refunds through the gateway
  synchronously.
"""

import json
from collections import defaultdict
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sites.models import Site
from django.http.request import validate_host
from django.test import RequestFactory
from django.urls import resolve, reverse
from graphene.relay import Node
from saleor.order import FulfillmentStatus
from saleor.order.models import (
    FulfillmentLine,
    OrderGrantedRefund,
)
from saleor.page.models import Page
from saleor.site.models import SiteSettings

from ..core import money
from ..core.actor import Actor
from ..core.constants import RefundMethod, RefundState
from .order_reading import (
    GRANTED_REFUND_STATES,
    last_payment,
    refund_transaction_of,
)
from .refunds import (
    RefundPlan,
    RefundReason,
    RefundRefused,
    RefundSubmission,
)

# Saleor's error codes, as the helpdesk's (anything else: refund_refused).
ERROR_CODES = {
    "AMOUNT_GREATER_THAN_AVAILABLE": "amount_exceeds_refundable",
    "SHIPPING_COSTS_ALREADY_GRANTED": "shipping_already_refunded",
    "REQUIRED": "required",
    "INVALID": "invalid",
    "PERMISSION_DENIED": "permission_denied",
    "PermissionDenied": "permission_denied",
    "NOT_FOUND": "not_found",
}

GRANT = """
mutation HelpdeskGrantRefund($id: ID!, $input: OrderGrantRefundCreateInput!) {
  orderGrantRefundCreate(id: $id, input: $input) {
    grantedRefund { id }
    errors { field code message }
  }
}
"""
REQUEST = """
mutation HelpdeskRequestRefund($grantedRefundId: ID!) {
  transactionRequestRefundForGrantedRefund(grantedRefundId: $grantedRefundId) {
    errors { field code message }
  }
}
"""
LEGACY = """
mutation HelpdeskRefundProducts($order: ID!, $input: OrderRefundProductsInput!) {
  orderFulfillmentRefundProducts(order: $order, input: $input) {
    fulfillment { id }
    errors { field code message }
  }
}
"""


def _gid(type_name: str, pk: object) -> str:
    return str(Node.to_global_id(type_name, str(pk)))


class SaleorGraphQLRefused(Exception):
    def __init__(self, field: str | None, code: str, message: str) -> None:
        super().__init__(message)
        self.refusal = RefundRefused(
            field, ERROR_CODES.get(code, "refund_refused"), message
        )


def _shop_host() -> str:
    """A Host header Saleor's API view accepts: it builds the request's absolute URL,
    which Django allows only for a host in ALLOWED_HOSTS."""
    allowed = list(settings.ALLOWED_HOSTS)
    public_url = getattr(settings, "PUBLIC_URL", None)
    candidates = [urlsplit(public_url).netloc] if public_url else []
    candidates += [host.lstrip(".") for host in allowed if host and "*" not in host]
    for host in candidates:
        if validate_host(host.partition(":")[0], allowed):
            return host
    return "localhost"


def run_saleor_graphql(
    actor: Actor, query: str, variables: dict[str, Any], root_field: str
) -> dict[str, Any]:
    """Execute one of Saleor's own mutations in this process, as `actor`.

    Returns the mutation's payload; raises `SaleorGraphQLRefused` for its `errors` or
    a top-level error (a missing permission)."""
    if not actor.credentials:
        raise RefundRefused(None, "permission_denied", "No Saleor token to act with.")
    request = RequestFactory().post(
        "/graphql/",
        data=json.dumps({"query": query, "variables": variables}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {actor.credentials}",
        HTTP_HOST=_shop_host(),
    )
    # Saleor's own API view, as its URLconf mounts it (schema, backend, middleware).
    view = resolve(reverse("api")).func
    response = view(request)
    body = json.loads(response.content)
    for error in body.get("errors") or []:
        code = (error.get("extensions") or {}).get("exception", {}).get("code", "")
        raise SaleorGraphQLRefused(None, str(code), error.get("message", "Refused."))
    payload = (body.get("data") or {}).get(root_field) or {}
    for error in payload.get("errors") or []:
        raise SaleorGraphQLRefused(
            error.get("field"), error.get("code") or "", error.get("message") or ""
        )
    return payload


class SaleorRefunds:
    def refund_reasons(self) -> tuple[RefundReason, ...] | None:
        page_type_id = (
            SiteSettings.objects.filter(site=Site.objects.get_current())
            .values_list("refund_reason_reference_type_id", flat=True)
            .first()
        )
        if page_type_id is None:
            return None
        return tuple(
            RefundReason(id=str(page.pk), title=page.title)
            for page in Page.objects.filter(page_type_id=page_type_id).order_by("title")
        )

    def submit_refund(
        self, *, actor: Actor, order: Any, plan: RefundPlan
    ) -> RefundSubmission:
        try:
            item = refund_transaction_of(order)
            if item is not None:
                return self._refund_transaction(actor, order, item, plan)
            return self._refund_payment(actor, order, plan)
        except SaleorGraphQLRefused as refused:
            raise refused.refusal from refused

    def _refund_transaction(
        self, actor: Actor, order: Any, item: Any, plan: RefundPlan
    ) -> RefundSubmission:
        grant_input: dict[str, Any] = {
            # The helpdesk's rule checked it (`money`, Saleor's own currency data):
            # sent as the plain decimal at precision Saleor's Decimal scalar reads.
            "amount": money.amount_text(plan.amount, order.currency),
            "reason": plan.reason,
            "transactionId": _gid("TransactionItem", item.token),
            "grantRefundForShipping": plan.include_shipping,
            "lines": [
                {"id": _gid("OrderLine", line_id), "quantity": quantity}
                for line_id, quantity in plan.lines
            ],
        }
        if plan.reason_reference_id:
            grant_input["reasonReference"] = _gid("Page", plan.reason_reference_id)
        granted = run_saleor_graphql(
            actor,
            GRANT,
            {"id": _gid("Order", order.pk), "input": grant_input},
            "orderGrantRefundCreate",
        )["grantedRefund"]
        granted_id = str(Node.from_global_id(granted["id"])[1])
        try:
            run_saleor_graphql(
                actor,
                REQUEST,
                {"grantedRefundId": granted["id"]},
                "transactionRequestRefundForGrantedRefund",
            )
        except SaleorGraphQLRefused as refused:
            # The grant exists in Saleor (it cannot be deleted): the refund is
            # recorded as failed, with Saleor's reason, rather than forgotten.
            return RefundSubmission(
                state=RefundState.FAILED,
                method=RefundMethod.TRANSACTION,
                granted_refund_id=granted_id,
                transaction_id=str(item.token),
                message=refused.refusal.message,
            )
        status = (
            OrderGrantedRefund.objects.filter(pk=granted_id)
            .values_list("status", flat=True)
            .first()
        )
        # A payment app may answer in its synchronous webhook response: then the
        # granted refund is already final.
        state = GRANTED_REFUND_STATES.get(status or "", RefundState.PENDING)
        return RefundSubmission(
            state=RefundState.PENDING if state == RefundState.REQUESTED else state,
            method=RefundMethod.TRANSACTION,
            granted_refund_id=granted_id,
            transaction_id=str(item.token),
        )

    def _refund_payment(
        self, actor: Actor, order: Any, plan: RefundPlan
    ) -> RefundSubmission:
        payment = last_payment(order)
        if payment is None:
            raise RefundRefused(None, "no_payment_to_refund", "Order has no payment.")
        order_lines, fulfillment_lines = self._split_fulfilled(order, plan.lines)
        run_saleor_graphql(
            actor,
            LEGACY,
            {
                "order": _gid("Order", order.pk),
                "input": {
                    "orderLines": order_lines,
                    "fulfillmentLines": fulfillment_lines,
                    "amountToRefund": money.amount_text(plan.amount, order.currency),
                    "includeShippingCosts": plan.include_shipping,
                },
            },
            "orderFulfillmentRefundProducts",
        )
        return RefundSubmission(
            state=RefundState.SUCCEEDED,
            method=RefundMethod.PAYMENT,
            payment_id=str(payment.pk),
        )

    def _split_fulfilled(
        self, order: Any, lines: tuple[tuple[str, int], ...]
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Saleor refunds unfulfilled pieces by order line and shipped ones by
        fulfilment line: take the unfulfilled first, then the shipped ones."""
        order_lines: list[dict[str, Any]] = []
        fulfillment_lines: list[dict[str, Any]] = []
        by_id = {str(line.pk): line for line in order.lines.all()}
        shipped = (
            FulfillmentLine.objects.filter(
                fulfillment__order=order,
                fulfillment__status__in=(
                    FulfillmentStatus.FULFILLED,
                    FulfillmentStatus.RETURNED,
                    FulfillmentStatus.WAITING_FOR_APPROVAL,
                ),
            )
            .order_by("pk")
            .values_list("pk", "order_line_id", "quantity")
        )
        available: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for pk, line_id, quantity in shipped:
            available[str(line_id)].append((pk, quantity))
        for line_id, quantity in lines:
            line = by_id.get(line_id)
            unfulfilled = (
                line.quantity - line.quantity_fulfilled if line is not None else 0
            )
            take = min(quantity, max(unfulfilled, 0))
            if take:
                order_lines.append(
                    {"orderLineId": _gid("OrderLine", line_id), "quantity": take}
                )
            rest = quantity - take
            for pk, shipped_quantity in available[line_id]:
                if rest <= 0:
                    break
                part = min(rest, shipped_quantity)
                fulfillment_lines.append(
                    {"fulfillmentLineId": _gid("FulfillmentLine", pk), "quantity": part}
                )
                rest -= part
        return order_lines, fulfillment_lines
