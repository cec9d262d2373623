from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.config.emails import delete_email_template
from ....core.actor import Actor
from ...core.mutations import BaseMutation
from ..types import EmailNotificationEnum, EmailTemplate


class EmailTemplateDelete(BaseMutation):
    email_template = graphene.Field(
        EmailTemplate, description="The text now sent: the shipped one."
    )

    class Arguments:
        notification = EmailNotificationEnum(required=True, description="Which e-mail.")
        language_code = graphene.String(
            required=True, description="The language of the text, e.g. `de`."
        )

    class Meta:
        description = (
            "Drop the merchant's text of one e-mail in one language, so the shipped "
            "text is sent again (MANAGE_PLUGINS)."
        )

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "EmailTemplateDelete":
        return cls(
            email_template=delete_email_template(
                actor, data["notification"], data["language_code"]
            )
        )
