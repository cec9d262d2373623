from typing import Any, cast

import graphene

from graphql import ResolveInfo

from ....actions.webhooks import SubscriptionFields, create_subscription
from ....core.actor import Actor
from ...core.mutations import BaseMutation
from ..inputs import HelpdeskWebhookSubscriptionInput, subscription_fields
from ..types import HelpdeskWebhookSubscription


class WebhookSubscriptionCreate(BaseMutation):
    subscription = graphene.Field(
        HelpdeskWebhookSubscription, description="The new subscription."
    )
    secret = graphene.String(
        description=(
            "The secret HMAC signatures are made with. Shown only in this answer: "
            "store it now."
        )
    )

    class Arguments:
        input = HelpdeskWebhookSubscriptionInput(
            required=True, description="The subscription."
        )

    class Meta:
        description = (
            "Send the helpdesk's events to a URL (MANAGE_APPS or MANAGE_PLUGINS, and "
            "MANAGE_ORDERS). It sends only tickets the caller may read: a caller "
            "limited to some channels must name channels among them."
        )

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "WebhookSubscriptionCreate":
        fields = cast(SubscriptionFields, subscription_fields(data["input"]))
        subscription, secret = create_subscription(actor, fields)
        return cls(subscription=subscription, secret=secret)
