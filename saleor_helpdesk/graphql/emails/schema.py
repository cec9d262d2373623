"""E-mail texts: what the helpdesk mails, the merchant's overrides and a preview.
Everything needs MANAGE_PLUGINS."""

from typing import Any

import graphene

from ...actions.config.common import require_settings_manager
from ...notifications.templates import list_templates, preview_template
from ..core.errors import guarded
from ..core.ids import int_pk
from .mutations.email_template_delete import EmailTemplateDelete
from .mutations.email_template_update import EmailTemplateUpdate
from .types import (
    EmailNotificationEnum,
    EmailPreview,
    EmailTemplate,
    EmailTemplatePlaceholder,
    placeholder_list,
)

NEEDS = "Needs MANAGE_PLUGINS."


class EmailQueries(graphene.ObjectType):
    email_templates = graphene.List(
        graphene.NonNull(EmailTemplate),
        notification=graphene.Argument(
            EmailNotificationEnum, description="Only this e-mail."
        ),
        language_code=graphene.String(description="Only this language, e.g. `de`."),
        description=(
            "Every e-mail in every shipped language (and each language the merchant "
            f"wrote), with the text sent today. {NEEDS}"
        ),
    )
    email_template_placeholders = graphene.List(
        graphene.NonNull(EmailTemplatePlaceholder),
        description=f"The placeholders e-mail texts may use. {NEEDS}",
    )
    email_template_preview = graphene.Field(
        EmailPreview,
        notification=graphene.Argument(
            EmailNotificationEnum, required=True, description="Which e-mail."
        ),
        language_code=graphene.String(
            required=True, description="The language, e.g. `de`."
        ),
        ticket=graphene.ID(
            required=True, description="ID of a ticket the caller may see."
        ),
        description=(
            "One e-mail rendered with a ticket's values (subject, HTML and text), as "
            f"it would be sent. {NEEDS} The ticket must be one the caller works."
        ),
    )

    @staticmethod
    @guarded
    def resolve_email_templates(
        root: Any,
        info: Any,
        notification: str | None = None,
        language_code: str | None = None,
    ) -> Any:
        return list_templates(info.context.actor, notification, language_code)

    @staticmethod
    @guarded
    def resolve_email_template_placeholders(root: Any, info: Any) -> Any:
        require_settings_manager(info.context.actor)
        return placeholder_list()

    @staticmethod
    @guarded
    def resolve_email_template_preview(
        root: Any, info: Any, notification: str, language_code: str, ticket: str
    ) -> Any:
        return preview_template(
            info.context.actor,
            notification,
            language_code,
            int_pk(ticket, "Ticket", "ticket"),
        )


class EmailMutations(graphene.ObjectType):
    email_template_update = EmailTemplateUpdate.Field()
    email_template_delete = EmailTemplateDelete.Field()
