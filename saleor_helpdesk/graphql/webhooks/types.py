"""Types of the webhook API: subscriptions, their deliveries and each delivery's
attempts. Only callers with MANAGE_APPS or MANAGE_PLUGINS reach them; a delivery's
payload and the receiver's answers are shown only to those of them who may read its
ticket (`webhooks/readers.py`)."""

from typing import Any

import graphene

from ...host.shop_models import channel_model
from ...models import WebhookAttempt, WebhookDelivery, WebhookSubscription
from ...models.webhook import WebhookDeliveryStatus, WebhookSigning
from ...webhooks.payloads import TOPICS
from ...webhooks.readers import (
    payload_readable,
    reader_actor,
    suspended_reason,
    with_payload_access,
)
from ..core.connection import CountableConnection, connection_field, resolve_connection
from ..core.enums import _enum
from ..core.ids import to_global_id
from ..core.scalars import UUID, DateTime

WebhookSigningEnum = _enum(
    WebhookSigning,
    "HelpdeskWebhookSigningEnum",
    "How the helpdesk signs a webhook request.",
)
WebhookDeliveryStatusEnum = _enum(
    WebhookDeliveryStatus,
    "HelpdeskWebhookDeliveryStatusEnum",
    "Where a webhook delivery stands.",
)


class HelpdeskWebhookTopic(graphene.ObjectType):
    name = graphene.String(
        required=True, description="The topic, e.g. `ticket.created`."
    )
    description = graphene.String(required=True, description="What it reports.")

    class Meta:
        description = "An event a webhook subscription can ask for."


class HelpdeskWebhookAttempt(graphene.ObjectType):
    id = graphene.ID(required=True, description="ID of the attempt.")
    number = graphene.Int(
        required=True, description="Which attempt of its delivery it was (from 1)."
    )
    status_code = graphene.Int(
        description="The HTTP status the consumer answered; null when none came."
    )
    duration_ms = graphene.Int(
        required=True, description="How long the attempt took, in milliseconds."
    )
    response_excerpt = graphene.String(
        description=(
            "The start of the answer (at most 500 characters); null for callers who "
            "may not read the delivery's ticket (an answer may echo the payload)."
        )
    )
    error = graphene.String(
        required=True,
        description="Why no answer came (timeout, refused target, …); empty otherwise.",
    )
    created_at = DateTime(required=True, description="When it was made.")

    class Meta:
        description = "One HTTP request of a webhook delivery."

    @staticmethod
    def resolve_id(root: WebhookAttempt, info: Any) -> str:
        return to_global_id("HelpdeskWebhookAttempt", root.pk)

    @staticmethod
    def resolve_response_excerpt(root: WebhookAttempt, info: Any) -> str | None:
        # Set by the delivery's `attempt_log`: whether the caller may read its ticket.
        return (
            root.response_excerpt if getattr(root, "payload_readable", False) else None
        )


class HelpdeskWebhookDelivery(graphene.ObjectType):
    id = graphene.ID(required=True, description="ID of the delivery.")
    event_id = UUID(
        required=True,
        description=(
            "The event's id as the consumer sees it: the same on every retry and "
            "redelivery."
        ),
    )
    topic = graphene.String(required=True, description="The event's topic.")
    payload = graphene.JSONString(
        description=(
            "The JSON body the consumer receives; null for callers who may not read "
            "the ticket it reports (MANAGE_ORDERS and the ticket's channel)."
        )
    )
    status = graphene.Field(
        WebhookDeliveryStatusEnum, required=True, description="Where it stands."
    )
    attempts = graphene.Int(
        required=True,
        description="Attempts since it was (re)queued; retries stop at the maximum.",
    )
    next_attempt_at = DateTime(
        description="When it is tried next; null when it succeeded or failed."
    )
    last_status_code = graphene.Int(
        description="The HTTP status of the last attempt, if an answer came."
    )
    last_duration_ms = graphene.Int(
        description="How long the last attempt took, in milliseconds."
    )
    last_response_excerpt = graphene.String(
        description=(
            "The start of the last answer; null for callers who may not read the "
            "ticket (an answer may echo the payload)."
        )
    )
    last_error = graphene.String(
        required=True, description="Why the last attempt got no answer, if so."
    )
    created_at = DateTime(
        required=True, description="When the event happened and was queued."
    )
    delivered_at = DateTime(description="When a consumer accepted it.")
    attempt_log = graphene.List(
        graphene.NonNull(HelpdeskWebhookAttempt),
        required=True,
        description="Every attempt, oldest first.",
    )

    class Meta:
        description = "One event queued for one subscription (the outbox)."

    @staticmethod
    def resolve_id(root: WebhookDelivery, info: Any) -> str:
        return to_global_id("HelpdeskWebhookDelivery", root.pk)

    @staticmethod
    def resolve_payload(root: WebhookDelivery, info: Any) -> Any:
        if not payload_readable(info.context.actor, root):
            return None
        return root.payload

    @staticmethod
    def resolve_last_response_excerpt(root: WebhookDelivery, info: Any) -> str | None:
        if not payload_readable(info.context.actor, root):
            return None
        return root.last_response_excerpt

    @staticmethod
    def resolve_attempt_log(root: WebhookDelivery, info: Any) -> Any:
        readable = payload_readable(info.context.actor, root)
        attempts = list(root.attempt_log.order_by("number", "pk"))
        for attempt in attempts:
            attempt.payload_readable = readable  # type: ignore[attr-defined]
        return attempts


class HelpdeskWebhookDeliveryCountableConnection(CountableConnection):
    class Meta:
        node = HelpdeskWebhookDelivery
        description = "A page of webhook deliveries."


class HelpdeskWebhookSubscription(graphene.ObjectType):
    id = graphene.ID(required=True, description="ID of the subscription.")
    name = graphene.String(required=True, description="Name, for people.")
    target_url = graphene.String(
        required=True, description="Where the events are POSTed."
    )
    events = graphene.List(
        graphene.NonNull(graphene.String),
        required=True,
        description="The topics it receives, e.g. `ticket.created`.",
    )
    channels = graphene.List(
        graphene.NonNull(graphene.String),
        required=True,
        description="Slugs of the channels it is limited to; empty: every channel.",
    )
    is_active = graphene.Boolean(
        required=True, description="Whether events are sent to it."
    )
    include_internal_comments = graphene.Boolean(
        required=True,
        description="Whether it also receives internal notes (`comment.created`).",
    )
    signing = graphene.Field(
        WebhookSigningEnum, required=True, description="How requests are signed."
    )
    suspended_reason = graphene.String(
        description=(
            "Why it sends nothing now: the staff user or app who saved it (its reader) "
            "lost MANAGE_ORDERS or its channels, was deactivated or deleted. Null "
            "while it sends; it sends only tickets its reader may read."
        )
    )
    created_at = DateTime(required=True, description="When it was made.")
    updated_at = DateTime(required=True, description="Last change.")
    deliveries = connection_field(
        HelpdeskWebhookDeliveryCountableConnection,
        status=graphene.Argument(
            WebhookDeliveryStatusEnum, description="Only deliveries in this state."
        ),
        description="Its deliveries, newest first.",
    )

    class Meta:
        description = (
            "A consumer of the helpdesk's events: a URL, the topics it wants and how "
            "requests to it are signed. The secret is shown only once, on creation."
        )

    @staticmethod
    def resolve_id(root: WebhookSubscription, info: Any) -> str:
        return to_global_id("HelpdeskWebhookSubscription", root.pk)

    @staticmethod
    def resolve_channels(root: WebhookSubscription, info: Any) -> list[str]:
        if not root.channel_ids:
            return []
        slugs = dict(
            channel_model()
            .objects.filter(pk__in=root.channel_ids)
            .values_list("pk", "slug")
        )
        return [slugs[pk] for pk in root.channel_ids if pk in slugs]

    @staticmethod
    def resolve_suspended_reason(root: WebhookSubscription, info: Any) -> str | None:
        return suspended_reason(root, reader_actor(root))

    @staticmethod
    def resolve_deliveries(
        root: WebhookSubscription, info: Any, status: str | None = None, **kwargs: Any
    ) -> Any:
        deliveries = with_payload_access(
            info.context.actor, root.deliveries.order_by("-created_at", "-pk")
        )
        if status:
            deliveries = deliveries.filter(status=status)
        return resolve_connection(
            deliveries, HelpdeskWebhookDeliveryCountableConnection, **kwargs
        )


def topics() -> list[HelpdeskWebhookTopic]:
    return [
        HelpdeskWebhookTopic(name=name, description=description)
        for name, description in TOPICS.items()
    ]
