"""Refunds on a ticket, and what the refund dialog offers."""

from typing import Any

import graphene

from ...core import money
from ..core.enums import ComplaintReasonEnum, RefundMethodEnum, RefundStateEnum
from ..core.ids import to_global_id
from ..core.scalars import DateTime, Decimal


def staff_only(resolver: Any) -> Any:
    """Null for customers and guests: reasons and Saleor's ids are the shop's."""

    def resolve(root: Any, info: Any) -> Any:
        return resolver(root, info) if info.context.actor.is_agent else None

    return resolve


class TicketRefundLine(graphene.ObjectType):
    order_line_id = graphene.ID(description="Saleor's ID of the order line.")
    product_name = graphene.String(required=True, description="Product name.")
    quantity = graphene.Int(required=True, description="Pieces refunded.")

    class Meta:
        description = "An order line a refund covers."

    @staticmethod
    def resolve_order_line_id(root: Any, info: Any) -> str | None:
        if root.order_line_id is None:
            return None
        return to_global_id("OrderLine", root.order_line_id)


class TicketRefund(graphene.ObjectType):
    id = graphene.ID(required=True, description="ID of the refund.")
    state = graphene.Field(
        RefundStateEnum,
        required=True,
        description="requested, pending (sent to the payment app), succeeded or failed.",
    )
    method = graphene.Field(
        RefundMethodEnum, required=True, description="Which Saleor API refunds it."
    )
    amount = Decimal(
        required=True,
        description="The amount refunded, at the currency's precision (45.00, 4500).",
    )
    currency = graphene.String(required=True, description="Its currency.")
    include_shipping = graphene.Boolean(
        required=True, description="Whether shipping costs are refunded."
    )
    lines = graphene.List(
        graphene.NonNull(TicketRefundLine),
        required=True,
        description="The order lines it covers.",
    )
    reason = graphene.String(description="The staff's reason (staff only).")
    reason_reference_id = graphene.ID(
        description="The shop's refund reason, a Saleor `Page` (staff only)."
    )
    granted_refund_id = graphene.ID(
        description="Saleor's `OrderGrantedRefund` (staff only)."
    )
    failure_message = graphene.String(
        description="Why the payment app refused (staff only)."
    )
    created_at = DateTime(required=True, description="When it was asked for.")
    completed_at = DateTime(description="When it succeeded or failed.")

    class Meta:
        description = "A refund started from a ticket, as the shop answers it."

    @staticmethod
    def resolve_id(root: Any, info: Any) -> str:
        return to_global_id("TicketRefund", root.pk)

    @staticmethod
    def resolve_amount(root: Any, info: Any) -> Any:
        return money.quantize(root.amount, root.currency)

    @staticmethod
    def resolve_lines(root: Any, info: Any) -> Any:
        return root.lines.all()

    resolve_reason = staff_only(lambda root, info: root.reason)
    resolve_reason_reference_id = staff_only(
        lambda root, info: to_global_id("Page", root.reason_reference_id)
        if root.reason_reference_id
        else None
    )
    resolve_granted_refund_id = staff_only(
        lambda root, info: to_global_id("OrderGrantedRefund", root.granted_refund_id)
        if root.granted_refund_id
        else None
    )
    resolve_failure_message = staff_only(lambda root, info: root.failure_message)


class RefundableLine(graphene.ObjectType):
    order_line_id = graphene.ID(required=True, description="Saleor's ID of the line.")
    product_name = graphene.String(required=True, description="Product name.")
    quantity = graphene.Int(required=True, description="Pieces ordered.")
    refundable_quantity = graphene.Int(
        required=True, description="Pieces not yet refunded or being refunded."
    )
    unit_price = Decimal(required=True, description="Gross price of one.")
    suggested_quantity = graphene.Int(
        required=True, description="Pieces the complaint names (0 if none)."
    )

    class Meta:
        description = "An order line as the refund dialog offers it."


class RefundReason(graphene.ObjectType):
    id = graphene.ID(required=True, description="The Saleor `Page`'s ID.")
    title = graphene.String(required=True, description="Its title.")

    class Meta:
        description = "One of the shop's refund reasons (Saleor 3.22+ refund settings)."


class TicketRefundOptions(graphene.ObjectType):
    can_refund = graphene.Boolean(
        required=True, description="Whether a refund is possible."
    )
    unavailable_reason = graphene.String(description="Why not, when it is not.")
    method = graphene.Field(
        RefundMethodEnum, description="Which Saleor API would refund."
    )
    currency = graphene.String(required=True, description="The order's currency.")
    fraction_digits = graphene.Int(
        required=True,
        description=(
            "Decimal places of the currency (babel's currency data, as Saleor's "
            "`Money.fractionDigits`): amounts here have them, and an amount sent "
            "with more is refused."
        ),
    )
    max_amount = Decimal(
        required=True,
        description=(
            "The most one refund may return now: what is charged and not refunded or "
            "pending, on the payment it would go through."
        ),
    )
    shipping_amount = Decimal(required=True, description="Shipping, gross.")
    shipping_refundable = graphene.Boolean(
        required=True, description="Whether shipping may still be refunded."
    )
    lines = graphene.List(
        graphene.NonNull(RefundableLine),
        required=True,
        description="The order's lines.",
    )
    reason_required = graphene.Boolean(
        required=True, description="Whether the shop requires a refund reason."
    )
    reasons = graphene.List(
        graphene.NonNull(RefundReason), required=True, description="The shop's reasons."
    )
    suggested_reason_id = graphene.ID(
        description="The reason mapped to the complaint's reason, preselected."
    )

    class Meta:
        description = "What the refund dialog of a ticket offers."


class RefundReasonMapping(graphene.ObjectType):
    complaint_reason = graphene.Field(
        ComplaintReasonEnum,
        required=True,
        description="The complaint reason.",
    )
    reason_id = graphene.ID(required=True, description="The Saleor `Page` it selects.")

    class Meta:
        description = "Which shop refund reason a complaint reason preselects."

    @staticmethod
    def resolve_reason_id(root: Any, info: Any) -> str:
        return to_global_id("Page", root.reason_reference_id)
