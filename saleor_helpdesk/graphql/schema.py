"""The helpdesk's GraphQL schema: every domain's queries and mutations, combined."""

import graphene

from .tickets.schema import TicketMutations, TicketQueries


class Query(TicketQueries, graphene.ObjectType):
    pass


class Mutation(TicketMutations, graphene.ObjectType):
    pass


schema = graphene.Schema(query=Query, mutation=Mutation)
