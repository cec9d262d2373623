from typing import Any, cast

import graphene

from graphql import ResolveInfo

from ....actions.webhooks import SubscriptionFields, update_subscription
from ....core.actor import Actor
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ..inputs import HelpdeskWebhookSubscriptionInput, subscription_fields
from ..types import HelpdeskWebhookSubscription


class WebhookSubscriptionUpdate(BaseMutation):
    subscription = graphene.Field(
        HelpdeskWebhookSubscription, description="The changed subscription."
    )

    class Arguments:
        id = graphene.ID(required=True, description="ID of the subscription.")
        input = HelpdeskWebhookSubscriptionInput(
            required=True, description="What changes."
        )

    class Meta:
        description = (
            "Change a webhook subscription (MANAGE_APPS or MANAGE_PLUGINS). Changing "
            "its URL, topics, channels or internal notes, or activating it, also "
            "needs MANAGE_ORDERS and access to its channels, and from then on it sends "
            "what the caller may read."
        )

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "WebhookSubscriptionUpdate":
        pk = int_pk(data["id"], "HelpdeskWebhookSubscription")
        fields = cast(SubscriptionFields, subscription_fields(data["input"]))
        return cls(subscription=update_subscription(actor, pk, fields))
