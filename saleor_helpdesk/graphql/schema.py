"""The helpdesk's GraphQL schema: every domain's queries and mutations, combined."""

import graphene

from .automation.schema import AutomationMutations, AutomationQueries
from .config.schema import ConfigMutations, ConfigQueries
from .effort.schema import EffortMutations, EffortQueries
from .emails.schema import EmailMutations, EmailQueries
from .federation import FederationQueries, OrderEntity, UserEntity
from .guest.schema import GuestMutations, GuestQueries
from .mailboxes.schema import MailboxMutations, MailboxQueries
from .privacy.schema import PrivacyMutations, PrivacyQueries
from .refunds.schema import RefundMutations, RefundQueries
from .satisfaction.schema import SatisfactionMutations, SatisfactionQueries
from .sla.schema import SlaMutations, SlaQueries
from .stats.schema import StatisticsQueries
from .storefront.schema import StorefrontQueries
from .tickets.schema import TicketMutations, TicketQueries
from .webhooks.schema import WebhookMutations, WebhookQueries


class Query(
    TicketQueries,
    StorefrontQueries,
    GuestQueries,
    StatisticsQueries,
    FederationQueries,
    ConfigQueries,
    EmailQueries,
    WebhookQueries,
    MailboxQueries,
    RefundQueries,
    PrivacyQueries,
    SatisfactionQueries,
    EffortQueries,
    AutomationQueries,
    SlaQueries,
    graphene.ObjectType,
):
    class Meta:
        description = "What the helpdesk answers."


class Mutation(
    TicketMutations,
    GuestMutations,
    ConfigMutations,
    EmailMutations,
    WebhookMutations,
    MailboxMutations,
    RefundMutations,
    PrivacyMutations,
    SatisfactionMutations,
    EffortMutations,
    AutomationMutations,
    SlaMutations,
    graphene.ObjectType,
):
    class Meta:
        description = "What the helpdesk changes."


# The entity types are reached only through the `_Entity` union: list them.
schema = graphene.Schema(
    query=Query, mutation=Mutation, types=[OrderEntity, UserEntity]
)
