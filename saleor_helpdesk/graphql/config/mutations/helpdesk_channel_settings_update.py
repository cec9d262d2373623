from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.config import update_channel_settings
from ....core.actor import Actor
from ...core.mutations import BaseMutation
from ..inputs import HelpdeskChannelSettingsInput
from ..types import HelpdeskChannelSettings
from .common import channel_settings_fields


class HelpdeskChannelSettingsUpdate(BaseMutation):
    settings = graphene.Field(
        HelpdeskChannelSettings, description="The settings as they are now."
    )

    class Arguments:
        channel = graphene.String(
            description="Slug of the channel; null for the shop's defaults."
        )
        input = HelpdeskChannelSettingsInput(required=True, description="What changes.")

    class Meta:
        description = (
            "Change the helpdesk's policies for a channel (its first change starts from "
            "the shop's defaults), or the shop's defaults (MANAGE_PLUGINS)."
        )

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "HelpdeskChannelSettingsUpdate":
        settings = update_channel_settings(
            actor, data.get("channel"), channel_settings_fields(data["input"])
        )
        return cls(settings=settings)
