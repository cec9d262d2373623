"""Guest operations: everything a customer without an account can do, with the order's
token and e-mail address. A guest sees only the guest tickets of that one order."""

from typing import Any

import graphene
from django.core.exceptions import ValidationError

from ...tickets.guests import guest_actor
from ..core.connection import check_pagination, connection_field, resolve_connection
from ..core.context import act_as
from ..core.errors import query_error
from ..tickets.inputs import TicketSortingInput
from ..tickets.resolvers import sort_tickets, ticket_by_id, tickets_for
from ..tickets.types import TicketCountableConnection, TicketType
from .arguments import EMAIL, ORDER_TOKEN
from .mutations.guest_ticket_close import GuestTicketClose
from .mutations.guest_ticket_comment_add import GuestTicketCommentAdd
from .mutations.guest_ticket_create import GuestTicketCreate
from .mutations.guest_ticket_reopen import GuestTicketReopen


def _guest(order_token: Any, email: str) -> Any:
    """The guest, or the refusal with its code and field (`orderToken`), as every
    query refusal carries them."""
    try:
        return guest_actor(order_token, email)
    except ValidationError as error:
        raise query_error(error) from error


class GuestQueries(graphene.ObjectType):
    guest_tickets = connection_field(
        TicketCountableConnection,
        order_token=ORDER_TOKEN,
        email=EMAIL,
        sort_by=TicketSortingInput(description="Their order (default: newest first)."),
        description="The guest tickets of one order.",
    )
    guest_ticket = graphene.Field(
        TicketType,
        order_token=ORDER_TOKEN,
        email=EMAIL,
        id=graphene.ID(required=True, description="ID of the ticket."),
        description="One guest ticket of the order; null if it is not one of them.",
    )

    @staticmethod
    def resolve_guest_tickets(
        root: Any, info: Any, order_token: Any, email: str, **kwargs: Any
    ) -> Any:
        check_pagination(kwargs.get("first"), kwargs.get("last"))
        guest = _guest(order_token, email)
        act_as(info, guest)
        queryset = sort_tickets(tickets_for(guest), kwargs.pop("sort_by", None))
        return resolve_connection(queryset, TicketCountableConnection, **kwargs)

    @staticmethod
    def resolve_guest_ticket(
        root: Any, info: Any, order_token: Any, email: str, id: str
    ) -> Any:
        guest = _guest(order_token, email)
        act_as(info, guest)
        try:
            return ticket_by_id(guest, id)
        except ValidationError as error:
            raise query_error(error) from error


class GuestMutations(graphene.ObjectType):
    guest_ticket_create = GuestTicketCreate.Field()
    guest_ticket_comment_add = GuestTicketCommentAdd.Field()
    guest_ticket_close = GuestTicketClose.Field()
    guest_ticket_reopen = GuestTicketReopen.Field()
