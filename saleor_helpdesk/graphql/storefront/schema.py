from typing import Any

import graphene

from graphql import GraphQLError

from ...host.shop_models import channel_model
from ...tickets.policies import channel_settings
from .types import HelpdeskConfiguration, build_configuration


class StorefrontQueries(graphene.ObjectType):
    helpdesk_configuration = graphene.Field(
        HelpdeskConfiguration,
        channel=graphene.String(required=True, description="Slug of the channel."),
        language_code=graphene.String(
            description="Language of the labels (e.g. `de`, `en`); default English."
        ),
        description=(
            "What a storefront needs for its ticket and complaint forms: kinds with their "
            "categories, contacts, complaint reasons, attachment rules and policies. "
            "Public."
        ),
    )

    @staticmethod
    def resolve_helpdesk_configuration(
        root: Any, info: Any, channel: str, language_code: str | None = None
    ) -> HelpdeskConfiguration:
        channel_id = (
            channel_model()
            .objects.filter(slug=channel, is_active=True)
            .values_list("pk", flat=True)
            .first()
        )
        if channel_id is None:
            raise GraphQLError(
                f"Channel '{channel}' not found.",
                extensions={"code": "NOT_FOUND", "field": "channel"},
            )
        return build_configuration(channel_settings(channel_id), language_code)
