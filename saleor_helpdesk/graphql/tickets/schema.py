from typing import Any

import graphene
from django.core.exceptions import ValidationError

from ...host.shop_models import channel_model
from ...sms.transports import sms_enabled
from ...tickets.inbox import next_unanswered_ticket
from ..core.connection import check_pagination, connection_field, resolve_connection
from ..core.errors import query_error
from ..shop.types import Channel
from .inputs import TicketFilterInput, TicketSortingInput
from .mutations.complaint_decide import ComplaintDecide
from .mutations.ticket_assign import TicketAssign
from .mutations.ticket_attachment_add import TicketAttachmentAdd
from .mutations.ticket_attachment_remove import TicketAttachmentRemove
from .mutations.ticket_bulk_update import TicketBulkUpdate
from .mutations.ticket_claim import TicketClaim
from .mutations.ticket_close import TicketClose
from .mutations.ticket_comment_add import TicketCommentAdd
from .mutations.ticket_create import TicketCreate
from .mutations.ticket_forward import TicketForward
from .mutations.ticket_merge import TicketMerge
from .mutations.ticket_order_link import TicketOrderLink
from .mutations.ticket_reopen import TicketReopen
from .mutations.ticket_sms_send import TicketSmsSend
from .mutations.ticket_status_update import TicketStatusUpdate
from .mutations.ticket_unassign import TicketUnassign
from .mutations.ticket_update import TicketUpdate
from .resolvers import (
    check_sort,
    filter_tickets,
    sort_tickets,
    ticket_by_id,
    ticket_pages,
    tickets_for,
)
from .types import TicketCountableConnection, TicketType


class TicketQueries(graphene.ObjectType):
    helpdesk_channels = graphene.List(
        graphene.NonNull(Channel),
        description=(
            "The channels the caller works tickets in, by name (staff with "
            "MANAGE_ORDERS; null for everyone else): for the inbox's channel filter "
            "and the channel policies."
        ),
    )
    ticket = graphene.Field(
        TicketType,
        id=graphene.ID(required=True, description="ID of the ticket."),
        description=(
            "One ticket, if the caller may see it (customers: their own; staff with "
            "MANAGE_ORDERS: their channels). Null otherwise, exactly as for a ticket "
            "that does not exist."
        ),
    )
    tickets = connection_field(
        TicketCountableConnection,
        filter=TicketFilterInput(description="Which tickets."),
        sort_by=TicketSortingInput(
            description=(
                "Their order (default: newest number first; with a search, the best "
                "matches first)."
            )
        ),
        description=(
            "Tickets the caller may see: a customer's own, or for staff with "
            "MANAGE_ORDERS every ticket of their channels."
        ),
    )

    helpdesk_sms_enabled = graphene.Boolean(
        description=(
            "Whether staff can reply by SMS (`ticketSmsSend`): the shop configured an "
            "SMS transport (staff with MANAGE_ORDERS; null for everyone else)."
        ),
    )

    next_unanswered_ticket = graphene.Field(
        TicketType,
        description=(
            "The ticket to answer next (staff with MANAGE_ORDERS): of the open tickets "
            "(status group new or open) in your channels that are assigned to you or "
            "to nobody and still wait for an answer (the customer wrote last, or no one "
            "of the shop has replied), the most urgent, then the oldest. Null when "
            "nothing is waiting."
        ),
    )

    @staticmethod
    def resolve_next_unanswered_ticket(root: Any, info: Any) -> Any:
        try:
            return next_unanswered_ticket(info.context.actor)
        except ValidationError as error:
            raise query_error(error) from error

    @staticmethod
    def resolve_helpdesk_sms_enabled(root: Any, info: Any) -> bool | None:
        if not info.context.actor.is_agent:
            return None
        return sms_enabled()

    @staticmethod
    def resolve_helpdesk_channels(root: Any, info: Any) -> Any:
        actor = info.context.actor
        if not actor.is_agent:
            return None
        channels = channel_model().objects.order_by("name", "pk")
        if actor.channel_ids is not None:
            channels = channels.filter(pk__in=actor.channel_ids)
        return channels

    @staticmethod
    def resolve_ticket(root: Any, info: Any, id: str) -> Any:
        try:
            return ticket_by_id(info.context.actor, id)
        except ValidationError as error:
            raise query_error(error) from error

    @staticmethod
    def resolve_tickets(root: Any, info: Any, **kwargs: Any) -> Any:
        check_pagination(kwargs.get("first"), kwargs.get("last"))
        actor = info.context.actor
        sort = kwargs.pop("sort_by", None)
        try:
            check_sort(actor, sort)
            queryset = filter_tickets(
                tickets_for(actor), kwargs.pop("filter", None), actor
            )
        except ValidationError as error:
            raise query_error(error) from error
        pages = ticket_pages(sort_tickets(queryset, sort), sort)
        return resolve_connection(pages, TicketCountableConnection, **kwargs)


class TicketMutations(graphene.ObjectType):
    ticket_create = TicketCreate.Field()
    ticket_comment_add = TicketCommentAdd.Field()
    ticket_sms_send = TicketSmsSend.Field()
    ticket_close = TicketClose.Field()
    ticket_reopen = TicketReopen.Field()
    ticket_status_update = TicketStatusUpdate.Field()
    ticket_update = TicketUpdate.Field()
    ticket_assign = TicketAssign.Field()
    ticket_claim = TicketClaim.Field()
    ticket_unassign = TicketUnassign.Field()
    ticket_forward = TicketForward.Field()
    ticket_merge = TicketMerge.Field()
    ticket_bulk_update = TicketBulkUpdate.Field()
    complaint_decide = ComplaintDecide.Field()
    ticket_order_link = TicketOrderLink.Field()
    ticket_attachment_add = TicketAttachmentAdd.Field()
    ticket_attachment_remove = TicketAttachmentRemove.Field()
