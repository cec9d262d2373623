"""Saleor's objects as the helpdesk shows them, with Saleor's global IDs (`Order:<uuid>`,
`User:<id>`, `Channel:<id>`), so they match what storefronts and the Dashboard hold."""

from typing import Any

import graphene

from ...core import money
from ...host import get_host
from ..core.enums import RefundMethodEnum
from ..core.ids import to_global_id
from ..core.scalars import DateTime, Decimal
from .dataloaders import OrderLinesByOrderIdLoader


class SaleorId:
    saleor_type: str

    @classmethod
    def resolve_id(cls, root: Any, info: Any) -> str:
        return to_global_id(cls.saleor_type, root.pk)


class Channel(SaleorId, graphene.ObjectType):
    saleor_type = "Channel"
    id = graphene.ID(required=True, description="Saleor's ID of the channel.")
    slug = graphene.String(required=True, description="The channel's slug.")
    name = graphene.String(required=True, description="The channel's name.")
    currency_code = graphene.String(
        required=True, description="The channel's currency."
    )

    class Meta:
        description = "A Saleor channel."


class HelpdeskUser(SaleorId, graphene.ObjectType):
    saleor_type = "User"
    id = graphene.ID(required=True, description="Saleor's ID of the user.")
    email = graphene.String(required=True, description="The user's e-mail address.")
    first_name = graphene.String(required=True, description="First name.")
    last_name = graphene.String(required=True, description="Last name.")

    class Meta:
        name = "TicketUser"
        description = "A Saleor user (customer or staff) as seen by the helpdesk."


class OrderLine(SaleorId, graphene.ObjectType):
    saleor_type = "OrderLine"
    id = graphene.ID(required=True, description="Saleor's ID of the order line.")
    product_name = graphene.String(required=True, description="Product name.")
    variant_name = graphene.String(required=True, description="Variant name.")
    product_sku = graphene.String(description="SKU.")
    quantity = graphene.Int(required=True, description="Ordered quantity.")
    quantity_fulfilled = graphene.Int(required=True, description="Fulfilled quantity.")
    unit_price_gross = graphene.Float(required=True, description="Unit price, gross.")
    currency = graphene.String(required=True, description="Currency.")

    class Meta:
        name = "TicketOrderLine"
        description = "A line of a Saleor order."

    @staticmethod
    def resolve_unit_price_gross(root: Any, info: Any) -> float:
        # As Saleor's `Money.amount`: at the currency's precision, then a float.
        return float(money.quantize(root.unit_price_gross_amount, root.currency))


class OrderPayment(graphene.ObjectType):
    kind = graphene.Field(
        RefundMethodEnum, required=True, description="Transaction or legacy payment."
    )
    name = graphene.String(
        required=True, description="The transaction's name or the gateway."
    )
    currency = graphene.String(required=True, description="Currency.")
    charged = Decimal(required=True, description="Charged and not refunded.")
    refunded = Decimal(required=True, description="Refunded.")
    pending_refund = Decimal(
        required=True, description="Refund requested, not yet answered."
    )
    can_refund = graphene.Boolean(
        required=True, description="Whether the payment app can refund it."
    )

    class Meta:
        name = "TicketOrderPayment"
        description = "One way an order was paid (staff only)."

    @staticmethod
    def resolve_charged(root: Any, info: Any) -> Any:
        return money.quantize(root.charged, root.currency)

    @staticmethod
    def resolve_refunded(root: Any, info: Any) -> Any:
        return money.quantize(root.refunded, root.currency)

    @staticmethod
    def resolve_pending_refund(root: Any, info: Any) -> Any:
        return money.quantize(root.pending_refund, root.currency)


class Order(SaleorId, graphene.ObjectType):
    saleor_type = "Order"
    id = graphene.ID(required=True, description="Saleor's ID of the order.")
    number = graphene.String(required=True, description="The order number.")
    status = graphene.String(required=True, description="Saleor's order status.")
    created = DateTime(required=True, description="When the order was placed.")
    total_gross = graphene.Float(required=True, description="Order total, gross.")
    currency = graphene.String(required=True, description="Currency.")
    lines = graphene.List(
        graphene.NonNull(OrderLine), required=True, description="The order's lines."
    )
    payments = graphene.List(
        graphene.NonNull(OrderPayment),
        description=(
            "How the order was paid, with what is refunded or being refunded (staff "
            "with MANAGE_ORDERS; null for customers and guests)."
        ),
    )

    class Meta:
        name = "TicketOrder"
        description = "A Saleor order a ticket refers to."

    @staticmethod
    def resolve_number(root: Any, info: Any) -> str:
        return str(root.number)

    @staticmethod
    def resolve_created(root: Any, info: Any) -> Any:
        return root.created_at

    @staticmethod
    def resolve_total_gross(root: Any, info: Any) -> float:
        return float(money.quantize(root.total_gross_amount, root.currency))

    @staticmethod
    def resolve_lines(root: Any, info: Any) -> Any:
        return OrderLinesByOrderIdLoader(info.context).load(root.pk)

    @staticmethod
    def resolve_payments(root: Any, info: Any) -> Any:
        if not info.context.actor.is_agent:
            return None
        return get_host().payments(order=root)
