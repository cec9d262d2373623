from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.webhooks import delete_subscription
from ....core.actor import Actor
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ..types import HelpdeskWebhookSubscription


class WebhookSubscriptionDelete(BaseMutation):
    subscription = graphene.Field(
        HelpdeskWebhookSubscription, description="The deleted subscription."
    )

    class Arguments:
        id = graphene.ID(required=True, description="ID of the subscription.")

    class Meta:
        description = (
            "Delete a webhook subscription and its deliveries (MANAGE_APPS or "
            "MANAGE_PLUGINS)."
        )

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "WebhookSubscriptionDelete":
        pk = int_pk(data["id"], "HelpdeskWebhookSubscription")
        return cls(subscription=delete_subscription(actor, pk))
