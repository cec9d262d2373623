"""The helpdesk's GraphQL schema: every domain's queries and mutations, combined."""

import graphene

from .config.schema import ConfigMutations, ConfigQueries
from .guest.schema import GuestMutations, GuestQueries
from .stats.schema import StatisticsQueries
from .storefront.schema import StorefrontQueries
from .tickets.schema import TicketMutations, TicketQueries


class Query(
    TicketQueries,
    StorefrontQueries,
    GuestQueries,
    StatisticsQueries,
    ConfigQueries,
    graphene.ObjectType,
):
    pass


class Mutation(TicketMutations, GuestMutations, ConfigMutations, graphene.ObjectType):
    pass


schema = graphene.Schema(query=Query, mutation=Mutation)
