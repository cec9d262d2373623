from typing import Any, cast

import graphene

from graphql import ResolveInfo

from ....actions.config.emails import EmailTemplateFields, update_email_template
from ....core.actor import Actor
from ...core.mutations import BaseMutation
from ..types import EmailNotificationEnum, EmailTemplate, EmailTemplateInput


class EmailTemplateUpdate(BaseMutation):
    email_template = graphene.Field(EmailTemplate, description="The text now sent.")

    class Arguments:
        notification = EmailNotificationEnum(required=True, description="Which e-mail.")
        language_code = graphene.String(
            required=True, description="The language of the text, e.g. `de`."
        )
        input = EmailTemplateInput(required=True, description="What changes.")

    class Meta:
        description = (
            "Write the merchant's text of one e-mail in one language (fields not given "
            "keep the current text); unknown placeholders are refused (MANAGE_PLUGINS)."
        )

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "EmailTemplateUpdate":
        given = data["input"]
        fields = {
            name: given[name]
            for name in ("subject", "body", "is_active")
            if given.get(name) is not None
        }
        template = update_email_template(
            actor,
            data["notification"],
            data["language_code"],
            cast(EmailTemplateFields, fields),
        )
        return cls(email_template=template)
