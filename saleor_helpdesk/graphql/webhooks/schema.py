"""The webhook API: subscriptions, their deliveries, redelivery. MANAGE_APPS or
MANAGE_PLUGINS; what a subscription sends and which payloads a caller sees follow the
ticket rules (`webhooks/readers.py`)."""

from typing import Any

import graphene

from ...webhooks.subscriptions import require_webhook_manager, subscriptions_for
from ..core.errors import guarded
from ..core.ids import int_pk
from .mutations.webhook_delivery_redeliver import WebhookDeliveryRedeliver
from .mutations.webhook_subscription_create import WebhookSubscriptionCreate
from .mutations.webhook_subscription_delete import WebhookSubscriptionDelete
from .mutations.webhook_subscription_update import WebhookSubscriptionUpdate
from .types import HelpdeskWebhookSubscription, HelpdeskWebhookTopic, topics

MANAGERS = "Needs MANAGE_APPS or MANAGE_PLUGINS."


class WebhookQueries(graphene.ObjectType):
    webhook_subscriptions = graphene.List(
        graphene.NonNull(HelpdeskWebhookSubscription),
        description=f"The webhook subscriptions, by name. {MANAGERS}",
    )
    webhook_subscription = graphene.Field(
        HelpdeskWebhookSubscription,
        id=graphene.ID(required=True, description="ID of the subscription."),
        description=f"One webhook subscription, with its deliveries. {MANAGERS}",
    )
    webhook_topics = graphene.List(
        graphene.NonNull(HelpdeskWebhookTopic),
        description=f"The topics a subscription can receive. {MANAGERS}",
    )

    @staticmethod
    @guarded
    def resolve_webhook_subscriptions(root: Any, info: Any) -> Any:
        return subscriptions_for(info.context.actor)

    @staticmethod
    @guarded
    def resolve_webhook_subscription(root: Any, info: Any, id: str) -> Any:
        queryset = subscriptions_for(info.context.actor)
        return queryset.filter(pk=int_pk(id, "HelpdeskWebhookSubscription")).first()

    @staticmethod
    @guarded
    def resolve_webhook_topics(root: Any, info: Any) -> Any:
        require_webhook_manager(info.context.actor)
        return topics()


class WebhookMutations(graphene.ObjectType):
    webhook_subscription_create = WebhookSubscriptionCreate.Field()
    webhook_subscription_update = WebhookSubscriptionUpdate.Field()
    webhook_subscription_delete = WebhookSubscriptionDelete.Field()
    webhook_delivery_redeliver = WebhookDeliveryRedeliver.Field()
