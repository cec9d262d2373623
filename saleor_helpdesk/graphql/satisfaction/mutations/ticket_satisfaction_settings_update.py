from typing import Any

import graphene

from graphql import ResolveInfo

from ....core.actor import Actor
from ....satisfaction.settings import SurveySettingsChanges, update_survey_settings
from ...core.mutations import BaseMutation
from ..types import TicketSatisfactionSettings, TicketSatisfactionSettingsInput


class TicketSatisfactionSettingsUpdate(BaseMutation):
    settings = graphene.Field(
        TicketSatisfactionSettings, description="The settings as they are now."
    )

    class Arguments:
        channel = graphene.String(
            description="Slug of the channel; null for the shop's defaults."
        )
        input = TicketSatisfactionSettingsInput(
            required=True, description="What changes."
        )

    class Meta:
        description = (
            "Change the satisfaction survey's settings for a channel (its first change "
            "starts from the shop's defaults), or the shop's defaults (MANAGE_PLUGINS)."
        )

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "TicketSatisfactionSettingsUpdate":
        given = data["input"]
        changes: SurveySettingsChanges = {}
        if given.get("survey_enabled") is not None:
            changes["survey_enabled"] = bool(given["survey_enabled"])
        if given.get("link_validity_days") is not None:
            changes["link_validity_days"] = int(given["link_validity_days"])
        return cls(settings=update_survey_settings(actor, data.get("channel"), changes))
