from typing import Any

import graphene
from django.core.exceptions import ValidationError

from graphql import GraphQLError

from ..core.connection import check_pagination, resolve_connection
from .inputs import TicketFilterInput, TicketSortingInput
from .mutations.ticket_close import TicketClose
from .mutations.ticket_comment_add import TicketCommentAdd
from .mutations.ticket_create import TicketCreate
from .mutations.ticket_reopen import TicketReopen
from .mutations.ticket_status_update import TicketStatusUpdate
from .resolvers import filter_tickets, sort_tickets, ticket_by_id, tickets_for
from .types import TicketCountableConnection, TicketType


def _query_error(error: ValidationError) -> GraphQLError:
    return GraphQLError("; ".join(error.messages))


class TicketQueries(graphene.ObjectType):
    ticket = graphene.Field(
        TicketType,
        id=graphene.ID(required=True, description="ID of the ticket."),
        description=(
            "One ticket, if the caller may see it (customers: their own; staff with "
            "MANAGE_ORDERS: their channels). Null otherwise, exactly as for a ticket "
            "that does not exist."
        ),
    )
    tickets = graphene.ConnectionField(
        TicketCountableConnection,
        filter=TicketFilterInput(description="Which tickets."),
        sort_by=TicketSortingInput(
            description="Their order (default: newest number first)."
        ),
        description=(
            "Tickets the caller may see: a customer's own, or for staff with "
            "MANAGE_ORDERS every ticket of their channels."
        ),
    )

    @staticmethod
    def resolve_ticket(root: Any, info: Any, id: str) -> Any:
        try:
            return ticket_by_id(info.context.actor, id)
        except ValidationError as error:
            raise _query_error(error) from error

    @staticmethod
    def resolve_tickets(root: Any, info: Any, **kwargs: Any) -> Any:
        check_pagination(kwargs.get("first"), kwargs.get("last"))
        actor = info.context.actor
        try:
            queryset = filter_tickets(
                tickets_for(actor), kwargs.pop("filter", None), actor
            )
        except ValidationError as error:
            raise _query_error(error) from error
        queryset = sort_tickets(queryset, kwargs.pop("sort_by", None))
        return resolve_connection(queryset, TicketCountableConnection, **kwargs)


class TicketMutations(graphene.ObjectType):
    ticket_create = TicketCreate.Field()
    ticket_comment_add = TicketCommentAdd.Field()
    ticket_close = TicketClose.Field()
    ticket_reopen = TicketReopen.Field()
    ticket_status_update = TicketStatusUpdate.Field()
