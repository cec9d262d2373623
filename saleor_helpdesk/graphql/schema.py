"""The helpdesk's GraphQL schema: every domain's queries and mutations, combined."""

import graphene

from .guest.schema import GuestMutations, GuestQueries
from .stats.schema import StatisticsQueries
from .storefront.schema import StorefrontQueries
from .tickets.schema import TicketMutations, TicketQueries


class Query(
    TicketQueries,
    StorefrontQueries,
    GuestQueries,
    StatisticsQueries,
    graphene.ObjectType,
):
    pass


class Mutation(TicketMutations, GuestMutations, graphene.ObjectType):
    pass


schema = graphene.Schema(query=Query, mutation=Mutation)
