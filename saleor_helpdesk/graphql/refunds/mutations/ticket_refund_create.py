from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.refunds import RefundRequest, request_refund
from ....core.actor import Actor
from ...core.ids import global_pk, int_pk
from ...tickets.mutations.staff import StaffMutation
from ...tickets.types import TicketType
from ..inputs import TicketRefundCreateInput
from ..types import TicketRefund


class TicketRefundCreate(StaffMutation):
    refund = graphene.Field(TicketRefund, description="The refund, as it stands now.")
    ticket = graphene.Field(TicketType, description="The ticket.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the ticket.")
        input = TicketRefundCreateInput(required=True, description="What to refund.")

    class Meta:
        description = (
            "Refund lines, shipping or an amount of the ticket's order through Saleor "
            "(staff with MANAGE_ORDERS and HANDLE_PAYMENTS, in the order's channel): a "
            "granted refund and a refund request on the transaction, or the legacy "
            "payment refund. Sending the same idempotency key again returns the same "
            "refund. The state moves on as the payment app answers."
        )

    @classmethod
    def perform_as_staff(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "TicketRefundCreate":
        given = data["input"]
        reason_id = given.get("reason_reference_id")
        request = RefundRequest(
            idempotency_key=given["idempotency_key"],
            lines=tuple(
                (
                    str(global_pk(line["order_line_id"], "OrderLine", "lines")),
                    line["quantity"],
                )
                for line in given.get("lines") or []
            ),
            include_shipping=bool(given.get("include_shipping")),
            amount=given.get("amount"),
            reason=given.get("reason") or "",
            reason_reference_id=(
                str(global_pk(reason_id, "Page", "reason_reference_id"))
                if reason_id
                else None
            ),
        )
        refund = request_refund(actor, int_pk(data["id"], "Ticket"), request)
        return cls(refund=refund, ticket=refund.ticket)
