"""Inputs of the configuration mutations. Create and update share one input per topic:
on update only the fields sent change; on create the domain reports missing required
fields as typed `REQUIRED` errors."""

import graphene

from ..core.enums import TicketKindEnum, TicketStatusGroupEnum
from ..privacy.enums import RetentionActionEnum

TRANSLATIONS = "Labels per language; replaces all labels when given."
NAME = "Fallback label (default on create: the English or first translation)."
POSITION = "Where it is listed (default on create: last)."


class TicketLabelTranslationInput(graphene.InputObjectType):
    language_code = graphene.String(
        required=True, description="The language (e.g. `de`, `en`, `pt-br`)."
    )
    name = graphene.String(required=True, description="The label in that language.")

    class Meta:
        description = "A label in one language."


def _translations() -> graphene.List:
    return graphene.List(
        graphene.NonNull(TicketLabelTranslationInput), description=TRANSLATIONS
    )


class TicketStatusInput(graphene.InputObjectType):
    slug = graphene.String(description="Stable code, unique (required on create).")
    name = graphene.String(description=NAME)
    translations = _translations()
    group = graphene.Field(
        TicketStatusGroupEnum,
        description="Inbox group: new, open, waiting or closed (required on create).",
    )
    is_internal = graphene.Boolean(
        description="Whether customers see another status (`customerStatus`) instead."
    )
    customer_status = graphene.ID(
        description="For an internal status: the status customers see instead."
    )
    is_initial = graphene.Boolean(
        description="Make this the status new tickets start in (only one is)."
    )
    position = graphene.Int(description=POSITION)
    is_active = graphene.Boolean(description="Whether tickets can move to it.")
    pauses_sla = graphene.Boolean(
        description=(
            "Whether service-level clocks stand still while a ticket is in this "
            "status (waiting for the customer)."
        )
    )

    class Meta:
        description = "A workflow status to create or change."


class TicketTransitionCreateInput(graphene.InputObjectType):
    source = graphene.ID(required=True, description="The status a ticket leaves.")
    target = graphene.ID(required=True, description="The status a ticket moves to.")
    staff_allowed = graphene.Boolean(description="Staff may move (default: true).")
    customer_allowed = graphene.Boolean(
        description="Customers may move (default: false)."
    )
    system_allowed = graphene.Boolean(
        description="The helpdesk may move by itself (default: true)."
    )

    class Meta:
        description = "An allowed move between two statuses."


class TicketPriorityInput(graphene.InputObjectType):
    slug = graphene.String(description="Stable code, unique (required on create).")
    name = graphene.String(description=NAME)
    translations = _translations()
    resolution_hours = graphene.Int(
        description="Target time to resolve, in hours (1 to 8760); null for none."
    )
    position = graphene.Int(description=POSITION)
    is_default = graphene.Boolean(
        description="Make this the priority of new tickets (only one is)."
    )

    class Meta:
        description = "A priority to create or change."


class TicketCategoryInput(graphene.InputObjectType):
    kind = graphene.Field(
        TicketKindEnum, description="The kind it is for (required on create)."
    )
    slug = graphene.String(
        description="Stable code, unique per kind (required on create)."
    )
    name = graphene.String(description=NAME)
    translations = _translations()
    position = graphene.Int(description="Where it is listed among its kind.")
    is_active = graphene.Boolean(description="Whether customers can choose it.")

    class Meta:
        description = "A category to create or change."


class TicketContactInput(graphene.InputObjectType):
    slug = graphene.String(description="Stable code, unique (required on create).")
    name = graphene.String(description=NAME)
    translations = _translations()
    email = graphene.String(description="The queue's e-mail address (may be empty).")
    description = graphene.String(description="What this queue handles.")
    responsible = graphene.ID(
        description="Saleor ID of the support agent new tickets go to; null: nobody."
    )
    position = graphene.Int(description=POSITION)
    is_active = graphene.Boolean(description="Whether customers can address it.")

    class Meta:
        description = "A contact (queue) to create or change."


class ResponseTemplateInput(graphene.InputObjectType):
    name = graphene.String(
        description="Name, unique per language (required on create)."
    )
    language_code = graphene.String(
        description="The language it is written in (default on create: en)."
    )
    subject = graphene.String(
        description="Subject line (plain text); placeholders allowed."
    )
    body = graphene.String(
        description=(
            "The reply (HTML or text, sanitised); placeholders allowed (required on "
            "create)."
        )
    )
    kind = graphene.Field(
        TicketKindEnum, description="The kind of ticket it is for; null: any."
    )
    is_active = graphene.Boolean(description="Whether staff are offered it.")

    class Meta:
        description = (
            "A response template to create or change. Placeholders are written "
            "`{{ name }}`; see `responseTemplatePlaceholders`."
        )


class SupportAgentInput(graphene.InputObjectType):
    contacts = graphene.List(
        graphene.NonNull(graphene.ID),
        description="IDs of the contacts (queues) they serve; replaces the list.",
    )
    signature = graphene.String(description="Signature under their replies.")
    is_active = graphene.Boolean(description="Whether tickets can be assigned to them.")

    class Meta:
        description = "A support team member's settings."


class HelpdeskChannelSettingsInput(graphene.InputObjectType):
    attachments_allowed = graphene.Boolean(
        description="Whether customers may attach files."
    )
    max_attachment_size = graphene.Int(
        description="Largest file, in bytes (at most 100 MiB)."
    )
    max_attachments_per_comment = graphene.Int(
        description="Most files on one comment (1 to 100)."
    )
    max_attachments_per_ticket = graphene.Int(
        description="Most files on one ticket (1 to 1000)."
    )
    allowed_content_types = graphene.List(
        graphene.NonNull(graphene.String),
        description=(
            "File types customers may attach: image/jpeg, image/png, image/gif, "
            "image/webp, image/heic, application/pdf, text/plain."
        ),
    )
    guest_tickets_allowed = graphene.Boolean(
        description="Whether guests may open tickets on their orders."
    )
    customer_may_close = graphene.Boolean(
        description="Whether customers may close their tickets."
    )
    customer_may_reopen = graphene.Boolean(
        description="Whether customers may reopen closed tickets."
    )
    reopen_window_days = graphene.Int(
        description="Days after closing in which customers may reopen; null: always."
    )
    auto_close_on_full_refund = graphene.Boolean(
        description="Whether a full refund closes the ticket."
    )
    sender_email = graphene.String(description="Sender address of helpdesk e-mails.")
    sender_name = graphene.String(description="Sender name of helpdesk e-mails.")
    signature = graphene.String(description="Signature under e-mails.")
    default_responsible = graphene.ID(
        description=(
            "Saleor ID of the support agent new tickets go to when no one else is "
            "responsible; null: nobody."
        )
    )
    ticket_retention_months = graphene.Int(
        description=(
            "Months after closing after which a closed ticket is anonymised or deleted "
            "(1 to 360); null: kept."
        )
    )
    ticket_retention_action = RetentionActionEnum(
        description="What happens to a closed ticket past its retention period."
    )
    attachment_retention_months = graphene.Int(
        description=(
            "Months after closing after which a closed ticket's files are removed from "
            "storage (1 to 360); null: kept as long as the ticket."
        )
    )

    class Meta:
        description = "Helpdesk policies for a channel or for the shop's defaults."
