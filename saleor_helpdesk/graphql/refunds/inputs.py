import graphene

from ..core.enums import ComplaintReasonEnum
from ..core.scalars import Decimal


class TicketRefundLineInput(graphene.InputObjectType):
    order_line_id = graphene.ID(required=True, description="Saleor's ID of the line.")
    quantity = graphene.Int(required=True, description="Pieces to refund.")

    class Meta:
        description = "An order line to refund."


class TicketRefundCreateInput(graphene.InputObjectType):
    idempotency_key = graphene.String(
        required=True,
        description=(
            "A key the client makes once per refund dialog (e.g. a UUID) and sends again "
            "on a retry: the same key never refunds twice."
        ),
    )
    lines = graphene.List(
        graphene.NonNull(TicketRefundLineInput), description="Lines and quantities."
    )
    include_shipping = graphene.Boolean(
        default_value=False, description="Refund the shipping costs too."
    )
    amount = Decimal(
        description=(
            "The amount; default: the lines' prices (and shipping). At most the "
            "currency's decimal places (`TicketRefundOptions.fractionDigits`: USD 2, "
            "JPY 0, KWD 3); more places, zero or less, or an exponent (1e2) is an "
            "`INVALID` error on `amount`."
        )
    )
    reason = graphene.String(description="Why, in words (shown on the Saleor order).")
    reason_reference_id = graphene.ID(
        description="One of the shop's refund reasons (a Saleor `Page`)."
    )

    class Meta:
        description = "A refund of (part of) a ticket's order."


class RefundReasonMappingInput(graphene.InputObjectType):
    complaint_reason = ComplaintReasonEnum(required=True, description="Which reason.")
    reason_id = graphene.ID(
        description="The Saleor `Page` it preselects; null removes the mapping."
    )

    class Meta:
        description = "Map a complaint reason to one of the shop's refund reasons."
