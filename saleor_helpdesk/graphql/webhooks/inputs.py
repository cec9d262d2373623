import graphene

from .types import WebhookSigningEnum


class HelpdeskWebhookSubscriptionInput(graphene.InputObjectType):
    name = graphene.String(description="Name, for people.")
    target_url = graphene.String(
        description=(
            "Where events are POSTed (http or https; private, loopback and link-local "
            "addresses are refused)."
        )
    )
    events = graphene.List(
        graphene.NonNull(graphene.String),
        description="Topics to receive (see `webhookTopics`); at least one.",
    )
    channels = graphene.List(
        graphene.NonNull(graphene.String),
        description=(
            "Slugs of the channels to limit it to; empty: every channel (refused to "
            "a caller limited to some channels)."
        ),
    )
    is_active = graphene.Boolean(description="Whether events are sent to it.")
    include_internal_comments = graphene.Boolean(
        description="Whether it also receives internal notes."
    )
    signing = graphene.Argument(
        WebhookSigningEnum,
        description=(
            "HMAC (the subscription's secret, default) or SALEOR (the shop's key, "
            "verifiable with `/.well-known/jwks.json`)."
        ),
    )

    class Meta:
        description = "The fields of a webhook subscription; only those sent change."


def subscription_fields(given: dict) -> dict:
    return {
        name: given[name]
        for name in (
            "name",
            "target_url",
            "events",
            "channels",
            "is_active",
            "include_internal_comments",
            "signing",
        )
        if given.get(name) is not None
    }
