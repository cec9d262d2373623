"""GraphQL types of the e-mail texts."""

from enum import Enum
from typing import Any

import graphene

from ...content.templates_render import placeholders_in
from ...notifications.kinds import Notification
from ...notifications.render import EMAIL_PLACEHOLDERS

EmailNotificationEnum = graphene.Enum.from_enum(
    Enum(
        "EmailNotificationEnum", {value.upper(): value for value in Notification.values}
    ),
    description="A kind of e-mail the helpdesk sends.",
)


class EmailTemplateInput(graphene.InputObjectType):
    subject = graphene.String(
        description="The subject (plain text, placeholders allowed)."
    )
    body = graphene.String(
        description="The body (HTML, sanitised; placeholders allowed)."
    )
    is_active = graphene.Boolean(
        description="Whether this text is used; an inactive one sends the shipped text."
    )

    class Meta:
        description = "The merchant's text of one e-mail in one language."


class EmailTemplate(graphene.ObjectType):
    notification = graphene.Field(
        EmailNotificationEnum, required=True, description="Which e-mail this is."
    )
    language_code = graphene.String(
        required=True, description="The language of the text, e.g. `de`."
    )
    subject = graphene.String(
        required=True,
        description=(
            "The subject with placeholders; the ticket token `[#number]` is put in "
            "front when sent."
        ),
    )
    body = graphene.String(
        required=True, description="The body (HTML) with placeholders."
    )
    is_active = graphene.Boolean(
        required=True, description="Whether the merchant's text is used."
    )
    is_customized = graphene.Boolean(
        required=True,
        description="Whether the merchant wrote this text (false: the shipped text).",
    )
    placeholders = graphene.List(
        graphene.NonNull(graphene.String),
        required=True,
        description="The placeholders subject and body use, in order of first use.",
    )

    class Meta:
        description = "The text of one e-mail in one language, as it is sent today."

    @staticmethod
    def resolve_notification(root: Any, info: Any) -> Any:
        return root.notification

    @staticmethod
    def resolve_language_code(root: Any, info: Any) -> str:
        return str(root.language)

    @staticmethod
    def resolve_placeholders(root: Any, info: Any) -> list[str]:
        return placeholders_in(f"{root.subject} {root.body}")


class EmailTemplatePlaceholder(graphene.ObjectType):
    name = graphene.String(
        required=True, description="The name between the braces, e.g. `reply.text`."
    )
    description = graphene.String(required=True, description="What it stands for.")

    class Meta:
        description = "A placeholder e-mail texts may use."


class EmailPreview(graphene.ObjectType):
    subject = graphene.String(
        required=True, description="The subject as sent, with the ticket token."
    )
    html = graphene.String(required=True, description="The HTML part.")
    text = graphene.String(required=True, description="The plain-text part.")

    class Meta:
        description = "An e-mail rendered with one ticket's values."


def placeholder_list() -> list[EmailTemplatePlaceholder]:
    return [
        EmailTemplatePlaceholder(name=name, description=description)
        for name, description in EMAIL_PLACEHOLDERS.items()
    ]
