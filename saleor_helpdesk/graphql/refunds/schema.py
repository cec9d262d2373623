from typing import Any

import graphene
from django.core.exceptions import ValidationError

from ...actions.config.common import can_read_settings
from ...actions.config.refund_reasons import refund_reason_mappings
from ...actions.refunds import require_refund_permission
from ...core import money
from ...core.errors import HelpdeskPermissionDenied
from ...host import get_host
from ...refunds.options import ticket_refund_options
from ..core.errors import query_error
from ..core.ids import to_global_id
from ..tickets.resolvers import ticket_by_id
from .mutations.refund_reason_mapping_set import RefundReasonMappingSet
from .mutations.ticket_refund_create import TicketRefundCreate
from .types import RefundReason, RefundReasonMapping, TicketRefundOptions


class RefundQueries(graphene.ObjectType):
    ticket_refund_options = graphene.Field(
        TicketRefundOptions,
        ticket=graphene.ID(required=True, description="ID of the ticket."),
        description=(
            "What a refund from this ticket may cover now, with the refundable "
            "maximum, the shop's refund reasons and the complaint's lines preselected "
            "(staff with MANAGE_ORDERS and HANDLE_PAYMENTS)."
        ),
    )
    refund_reasons = graphene.List(
        graphene.NonNull(RefundReason),
        description=(
            "The shop's refund reasons (pages of the page type Saleor's refund "
            "settings name); null when the shop has none configured (MANAGE_ORDERS or "
            "MANAGE_PLUGINS)."
        ),
    )
    refund_reason_mappings = graphene.List(
        graphene.NonNull(RefundReasonMapping),
        description="Complaint reasons mapped to shop refund reasons (MANAGE_PLUGINS).",
    )

    @staticmethod
    def resolve_ticket_refund_options(root: Any, info: Any, ticket: str) -> Any:
        actor = info.context.actor
        try:
            require_refund_permission(actor)
            found = ticket_by_id(actor, ticket, "ticket")
        except ValidationError as error:
            raise query_error(error) from error
        if found is None or found.order_id is None:
            return None
        result = ticket_refund_options(found)
        options = result.options
        suggested = dict(result.suggested_lines)
        currency = options.currency

        def at_precision(amount: Any) -> Any:
            return money.quantize(amount, currency)

        return TicketRefundOptions(
            can_refund=options.method is not None and options.max_amount > 0,
            unavailable_reason=options.unavailable,
            method=options.method,
            currency=currency,
            fraction_digits=money.precision(currency),
            max_amount=at_precision(options.max_amount),
            shipping_amount=at_precision(options.shipping_amount),
            shipping_refundable=options.shipping_refundable,
            lines=[
                {
                    "order_line_id": to_global_id("OrderLine", line.line_id),
                    "product_name": line.product_name,
                    "quantity": line.quantity,
                    "refundable_quantity": line.refundable_quantity,
                    "unit_price": at_precision(line.unit_price),
                    "suggested_quantity": min(
                        suggested.get(line.line_id, 0), line.refundable_quantity
                    ),
                }
                for line in options.lines
            ],
            reason_required=options.reason_required,
            reasons=[
                {"id": to_global_id("Page", reason.id), "title": reason.title}
                for reason in options.reasons
            ],
            suggested_reason_id=(
                to_global_id("Page", result.suggested_reason_reference_id)
                if result.suggested_reason_reference_id
                else None
            ),
        )

    @staticmethod
    def resolve_refund_reasons(root: Any, info: Any) -> Any:
        actor = info.context.actor
        if not (actor.is_agent or can_read_settings(actor)):
            raise query_error(HelpdeskPermissionDenied())
        reasons = get_host().refund_reasons()
        if reasons is None:
            return None
        return [
            {"id": to_global_id("Page", reason.id), "title": reason.title}
            for reason in reasons
        ]

    @staticmethod
    def resolve_refund_reason_mappings(root: Any, info: Any) -> Any:
        try:
            return refund_reason_mappings(info.context.actor)
        except ValidationError as error:
            raise query_error(error) from error


class RefundMutations(graphene.ObjectType):
    ticket_refund_create = TicketRefundCreate.Field()
    refund_reason_mapping_set = RefundReasonMappingSet.Field()
