"""Types of the configuration API beyond the workflow types it shares with tickets
(`TicketStatus`, `TicketPriority`, `TicketCategory`, `TicketContact`)."""

from typing import Any

import graphene

from ...actions.config import EffectiveSettings
from ...content.templates_render import placeholders_in
from ...models import ResponseTemplate, SupportAgent
from ..core.dataloaders import load_related
from ..core.enums import TicketKindEnum
from ..core.ids import to_global_id
from ..core.scalars import DateTime
from ..privacy.enums import RetentionActionEnum
from ..shop.dataloaders import UserByIdLoader
from ..shop.types import Channel, HelpdeskUser, SaleorId
from ..workflow.types import TicketContact
from .dataloaders import ContactsByAgentIdLoader


class ResponseTemplateType(graphene.ObjectType):
    id = graphene.ID(required=True, description="ID of the template.")
    name = graphene.String(
        required=True, description="Name of the template (unique per language)."
    )
    language_code = graphene.String(
        required=True, description="The language it is written in."
    )
    subject = graphene.String(
        required=True, description="Subject line (plain text) with placeholders."
    )
    body = graphene.String(
        required=True, description="The reply (sanitised HTML) with placeholders."
    )
    kind = graphene.Field(
        TicketKindEnum, description="The kind of ticket it is for; null: any."
    )
    is_active = graphene.Boolean(
        required=True, description="Whether staff are offered it."
    )
    placeholders = graphene.List(
        graphene.NonNull(graphene.String),
        required=True,
        description="The placeholders it uses, e.g. `customer.first_name`.",
    )
    created_at = DateTime(required=True, description="When it was written.")
    updated_at = DateTime(required=True, description="Last change.")

    class Meta:
        name = "ResponseTemplate"
        description = "A canned reply in one language, with `{{ placeholders }}`."

    @staticmethod
    def resolve_id(root: ResponseTemplate, info: Any) -> str:
        return to_global_id("ResponseTemplate", root.pk)

    @staticmethod
    def resolve_kind(root: ResponseTemplate, info: Any) -> str | None:
        return root.kind or None

    @staticmethod
    def resolve_placeholders(root: ResponseTemplate, info: Any) -> list[str]:
        return placeholders_in(f"{root.subject}\n{root.body}")


class ResponseTemplatePreview(graphene.ObjectType):
    subject = graphene.String(
        required=True, description="The subject with the ticket's values (plain text)."
    )
    body = graphene.String(
        required=True,
        description="The reply with the ticket's values, HTML-escaped (HTML).",
    )

    class Meta:
        description = "A response template as it reads on one ticket."


class ResponseTemplatePlaceholder(graphene.ObjectType):
    name = graphene.String(
        required=True, description="The name between the braces, e.g. `status`."
    )
    description = graphene.String(required=True, description="What it is replaced by.")

    class Meta:
        description = "A placeholder response templates may use, as `{{ name }}`."


class SupportAgentType(graphene.ObjectType):
    id = graphene.ID(required=True, description="ID of the team membership.")
    user = graphene.Field(HelpdeskUser, required=True, description="The staff user.")
    is_active = graphene.Boolean(
        required=True, description="Whether tickets can be assigned to them."
    )
    signature = graphene.String(
        required=True, description="Their signature under replies (sanitised HTML)."
    )
    contacts = graphene.List(
        graphene.NonNull(TicketContact),
        required=True,
        description="The contacts (queues) they serve.",
    )
    created_at = DateTime(required=True, description="When they joined the team.")

    class Meta:
        name = "SupportAgent"
        description = (
            "A staff user in the support team: tickets can be assigned to them."
        )

    @staticmethod
    def resolve_id(root: SupportAgent, info: Any) -> str:
        return to_global_id("SupportAgent", root.pk)

    @staticmethod
    def resolve_user(root: SupportAgent, info: Any) -> Any:
        return load_related(info, root, "user", UserByIdLoader)

    @staticmethod
    def resolve_contacts(root: SupportAgent, info: Any) -> Any:
        return ContactsByAgentIdLoader(info.context).load(root.pk)


class SupportAgentCandidate(SaleorId, graphene.ObjectType):
    saleor_type = "User"
    id = graphene.ID(
        required=True,
        description="Saleor's ID of the staff user, as `supportAgentAdd` takes it.",
    )
    email = graphene.String(required=True, description="The user's e-mail address.")
    first_name = graphene.String(required=True, description="First name.")
    last_name = graphene.String(required=True, description="Last name.")

    class Meta:
        description = (
            "An active staff user who is not in the support team yet and can be added."
        )


def _from_settings(
    attname: str, default_value: Any, root: EffectiveSettings, info: Any, **args: Any
) -> Any:
    """Fields without their own resolver read the settings row."""
    return getattr(root.settings, attname, default_value)


class HelpdeskChannelSettings(graphene.ObjectType):
    channel = graphene.Field(
        Channel, description="The channel; null for the shop's defaults."
    )
    inherits_shop_defaults = graphene.Boolean(
        required=True,
        description=(
            "Whether these are the shop's defaults (or built-in ones), because the "
            "channel (or shop) has no settings of its own yet."
        ),
    )
    attachments_allowed = graphene.Boolean(
        required=True, description="Whether customers may attach files."
    )
    max_attachment_size = graphene.Int(
        required=True, description="Largest file, in bytes."
    )
    max_attachments_per_comment = graphene.Int(
        required=True, description="Most files on one comment."
    )
    max_attachments_per_ticket = graphene.Int(
        required=True, description="Most files on one ticket."
    )
    allowed_content_types = graphene.List(
        graphene.NonNull(graphene.String),
        required=True,
        description="File types customers may attach (sniffed from the bytes).",
    )
    guest_tickets_allowed = graphene.Boolean(
        required=True, description="Whether guests may open tickets on their orders."
    )
    customer_may_close = graphene.Boolean(
        required=True, description="Whether customers may close their tickets."
    )
    customer_may_reopen = graphene.Boolean(
        required=True, description="Whether customers may reopen closed tickets."
    )
    reopen_window_days = graphene.Int(
        description="Days after closing in which customers may reopen; null: always."
    )
    auto_close_on_full_refund = graphene.Boolean(
        required=True, description="Whether a full refund closes the ticket."
    )
    sender_email = graphene.String(
        required=True, description="Sender address of helpdesk e-mails."
    )
    sender_name = graphene.String(
        required=True, description="Sender name of helpdesk e-mails (the shop's name)."
    )
    signature = graphene.String(
        required=True, description="Signature under e-mails (sanitised HTML)."
    )
    default_responsible = graphene.Field(
        HelpdeskUser,
        description="Who new tickets go to when no one else is responsible.",
    )
    ticket_retention_months = graphene.Int(
        description=(
            "Months after closing after which a closed ticket is anonymised or "
            "deleted; null: kept."
        )
    )
    ticket_retention_action = graphene.Field(
        RetentionActionEnum,
        required=True,
        description="What happens to a closed ticket past its retention period.",
    )
    attachment_retention_months = graphene.Int(
        description=(
            "Months after closing after which a closed ticket's files are removed "
            "from storage; null: kept as long as the ticket."
        )
    )

    class Meta:
        description = (
            "The helpdesk's policies for one channel, or the shop's defaults that "
            "channels without their own settings follow."
        )
        default_resolver = _from_settings

    @staticmethod
    def resolve_channel(root: EffectiveSettings, info: Any) -> Any:
        return root.channel

    @staticmethod
    def resolve_inherits_shop_defaults(root: EffectiveSettings, info: Any) -> bool:
        return root.inherited

    @staticmethod
    def resolve_default_responsible(root: EffectiveSettings, info: Any) -> Any:
        return load_related(info, root.settings, "default_responsible", UserByIdLoader)
