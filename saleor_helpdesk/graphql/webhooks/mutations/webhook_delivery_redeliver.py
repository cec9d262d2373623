from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.webhooks import redeliver
from ....core.actor import Actor
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ..types import HelpdeskWebhookDelivery


class WebhookDeliveryRedeliver(BaseMutation):
    delivery = graphene.Field(
        HelpdeskWebhookDelivery, description="The delivery, queued again."
    )

    class Arguments:
        id = graphene.ID(required=True, description="ID of the delivery.")

    class Meta:
        description = (
            "Send a succeeded or failed delivery again, with the same event id and "
            "payload (MANAGE_APPS or MANAGE_PLUGINS); it fails unsent when the "
            "subscription's reader may no longer read the ticket."
        )

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "WebhookDeliveryRedeliver":
        pk = int_pk(data["id"], "HelpdeskWebhookDelivery")
        return cls(delivery=redeliver(actor, pk))
