"""Privacy: erasing a customer's data (MANAGE_USERS) and the retention policy's dry run
(MANAGE_PLUGINS). The export is an HTTP download (`privacy/export/`), not GraphQL."""

from typing import Any

import graphene

from ...actions.privacy import UNSET, preview_retention
from ..core.arguments import arguments_given_as_null
from ..core.errors import guarded
from .enums import RetentionActionEnum
from .mutations.customer_data_erase import CustomerDataErase
from .types import HelpdeskRetentionPreview


class PrivacyQueries(graphene.ObjectType):
    helpdesk_retention_preview = graphene.Field(
        HelpdeskRetentionPreview,
        channel=graphene.String(
            description=(
                "Slug of the channel whose setting the other arguments change; null: "
                "the shop's defaults."
            )
        ),
        ticket_retention_months=graphene.Int(
            description="Try this period for closed tickets (null: kept)."
        ),
        ticket_retention_action=RetentionActionEnum(
            description="Try this action for closed tickets past the period."
        ),
        attachment_retention_months=graphene.Int(
            description="Try this period for files of closed tickets (null: kept)."
        ),
        description=(
            "How many tickets and files the retention policy would anonymise, delete "
            "or remove if it ran now, over the whole shop: with the saved settings, or "
            "with the given ones for one channel (or the shop's defaults). Nothing is "
            "changed (MANAGE_PLUGINS)."
        ),
    )

    @staticmethod
    @guarded
    def resolve_helpdesk_retention_preview(
        root: Any, info: Any, channel: str | None = None, **given: Any
    ) -> Any:
        # `ticketRetentionMonths: null` tries "kept for ever", unlike leaving it out
        # (the saved value); graphql-core 2 hands both over as a missing argument.
        nulls = arguments_given_as_null(info)
        for argument, name in (
            ("ticketRetentionMonths", "ticket_retention_months"),
            ("attachmentRetentionMonths", "attachment_retention_months"),
        ):
            if argument in nulls:
                given[name] = None
        return preview_retention(
            info.context.actor,
            channel,
            ticket_months=given.get("ticket_retention_months", UNSET),
            action=given.get("ticket_retention_action", UNSET),
            attachment_months=given.get("attachment_retention_months", UNSET),
        )


class PrivacyMutations(graphene.ObjectType):
    customer_data_erase = CustomerDataErase.Field()
