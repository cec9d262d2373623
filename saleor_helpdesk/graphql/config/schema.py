"""The helpdesk's configuration: workflow, priorities, categories, contacts, response
templates, support team and channel settings. Reading needs MANAGE_ORDERS or
MANAGE_PLUGINS; changing needs MANAGE_PLUGINS."""

from typing import Any

import graphene
from django.db.models import Q

from ...actions.config import (
    preview_template,
    read_channel_settings,
    require_settings_reader,
    support_agent_candidates,
)
from ...actions.config.team import DEFAULT_CANDIDATES, MAX_CANDIDATES
from ...content.templates_render import PLACEHOLDERS
from ...models import (
    Category,
    Contact,
    Priority,
    ResponseTemplate,
    SupportAgent,
    TicketStatus,
)
from ..core.enums import TicketKindEnum
from ..core.errors import guarded
from ..core.ids import int_pk
from ..workflow.types import TicketCategory, TicketContact, TicketPriority
from ..workflow.types import TicketStatus as TicketStatusType
from .mutations.customer_responsible_set import CustomerResponsibleSet
from .mutations.helpdesk_channel_settings_update import HelpdeskChannelSettingsUpdate
from .mutations.response_template_create import ResponseTemplateCreate
from .mutations.response_template_delete import ResponseTemplateDelete
from .mutations.response_template_update import ResponseTemplateUpdate
from .mutations.support_agent_add import SupportAgentAdd
from .mutations.support_agent_remove import SupportAgentRemove
from .mutations.support_agent_update import SupportAgentUpdate
from .mutations.ticket_category_create import TicketCategoryCreate
from .mutations.ticket_category_delete import TicketCategoryDelete
from .mutations.ticket_category_update import TicketCategoryUpdate
from .mutations.ticket_contact_create import TicketContactCreate
from .mutations.ticket_contact_delete import TicketContactDelete
from .mutations.ticket_contact_update import TicketContactUpdate
from .mutations.ticket_priority_create import TicketPriorityCreate
from .mutations.ticket_priority_delete import TicketPriorityDelete
from .mutations.ticket_priority_update import TicketPriorityUpdate
from .mutations.ticket_status_create import TicketStatusCreate
from .mutations.ticket_status_definition_update import TicketStatusDefinitionUpdate
from .mutations.ticket_status_delete import TicketStatusDelete
from .mutations.ticket_transition_create import TicketTransitionCreate
from .mutations.ticket_transition_delete import TicketTransitionDelete
from .types import (
    HelpdeskChannelSettings,
    ResponseTemplatePlaceholder,
    ResponseTemplatePreview,
    ResponseTemplateType,
    SupportAgentCandidate,
    SupportAgentType,
)

READERS = "Needs MANAGE_ORDERS or MANAGE_PLUGINS."


def _list(description: str, of: Any, **arguments: Any) -> graphene.List:
    return graphene.List(
        graphene.NonNull(of), description=f"{description} {READERS}", **arguments
    )


class ConfigQueries(graphene.ObjectType):
    ticket_statuses = _list(
        "The workflow's statuses, active or not, in their order.", TicketStatusType
    )
    ticket_priorities = _list("The priorities, in their order.", TicketPriority)
    ticket_categories = _list(
        "The categories, active or not, per kind in their order.",
        TicketCategory,
        kind=graphene.Argument(
            TicketKindEnum, description="Only the categories of this kind."
        ),
    )
    ticket_contacts = _list(
        "The contacts (queues), active or not, in their order.", TicketContact
    )
    response_templates = _list(
        "The response templates, by name.",
        ResponseTemplateType,
        language_code=graphene.String(
            description=("Only templates in this language (`de-at` also finds `de`).")
        ),
        kind=graphene.Argument(
            TicketKindEnum,
            description="Only templates for this kind of ticket, or for any kind.",
        ),
    )
    response_template_placeholders = _list(
        "The placeholders response templates may use.", ResponseTemplatePlaceholder
    )
    response_template_preview = graphene.Field(
        ResponseTemplatePreview,
        id=graphene.ID(required=True, description="ID of the template."),
        ticket=graphene.ID(
            required=True, description="ID of a ticket the caller may see."
        ),
        description=(
            "A response template with one ticket's values, as the caller would send "
            f"it. {READERS} The ticket must be one the caller works (MANAGE_ORDERS, "
            "their channels)."
        ),
    )
    support_agents = _list(
        "The support team: staff users tickets can be assigned to.", SupportAgentType
    )
    support_agent_candidates = _list(
        "Active staff users who are not in the support team yet, by e-mail: whom "
        "`supportAgentAdd` takes (MANAGE_PLUGINS).",
        SupportAgentCandidate,
        search=graphene.String(
            description=(
                "Only users whose e-mail, first or last name contains each of its "
                "words, ignoring case."
            )
        ),
        first=graphene.Int(
            default_value=DEFAULT_CANDIDATES,
            description=f"At most this many users (0 to {MAX_CANDIDATES}).",
        ),
    )
    helpdesk_channel_settings = graphene.Field(
        HelpdeskChannelSettings,
        channel=graphene.String(
            description="Slug of the channel; null for the shop's defaults."
        ),
        description=(
            "The helpdesk's policies for a channel (the shop's defaults while it has "
            f"none of its own), or the shop's defaults. {READERS}"
        ),
    )

    @staticmethod
    @guarded
    def resolve_ticket_statuses(root: Any, info: Any) -> Any:
        require_settings_reader(info.context.actor)
        return TicketStatus.objects.all()

    @staticmethod
    @guarded
    def resolve_ticket_priorities(root: Any, info: Any) -> Any:
        require_settings_reader(info.context.actor)
        return Priority.objects.all()

    @staticmethod
    @guarded
    def resolve_ticket_categories(root: Any, info: Any, kind: str | None = None) -> Any:
        require_settings_reader(info.context.actor)
        categories = Category.objects.all()
        return categories.filter(kind=kind) if kind else categories

    @staticmethod
    @guarded
    def resolve_ticket_contacts(root: Any, info: Any) -> Any:
        require_settings_reader(info.context.actor)
        return Contact.objects.all()

    @staticmethod
    @guarded
    def resolve_response_templates(
        root: Any, info: Any, language_code: str | None = None, kind: str | None = None
    ) -> Any:
        require_settings_reader(info.context.actor)
        templates = ResponseTemplate.objects.all()
        if language_code:
            code = language_code.strip().lower().replace("_", "-")
            templates = templates.filter(language_code__in={code, code.split("-")[0]})
        if kind:
            templates = templates.filter(Q(kind=kind) | Q(kind=""))
        return templates

    @staticmethod
    @guarded
    def resolve_response_template_placeholders(root: Any, info: Any) -> Any:
        require_settings_reader(info.context.actor)
        return [
            ResponseTemplatePlaceholder(name=name, description=description)
            for name, description in PLACEHOLDERS.items()
        ]

    @staticmethod
    @guarded
    def resolve_response_template_preview(
        root: Any, info: Any, id: str, ticket: str
    ) -> Any:
        actor = info.context.actor
        require_settings_reader(actor)
        return preview_template(
            actor,
            int_pk(id, "ResponseTemplate"),
            int_pk(ticket, "Ticket", "ticket"),
        )

    @staticmethod
    @guarded
    def resolve_support_agents(root: Any, info: Any) -> Any:
        require_settings_reader(info.context.actor)
        return SupportAgent.objects.select_related("user").order_by("user__email", "pk")

    @staticmethod
    @guarded
    def resolve_support_agent_candidates(
        root: Any, info: Any, search: str | None = None, first: int | None = None
    ) -> Any:
        return support_agent_candidates(info.context.actor, search, first)

    @staticmethod
    @guarded
    def resolve_helpdesk_channel_settings(
        root: Any, info: Any, channel: str | None = None
    ) -> Any:
        return read_channel_settings(info.context.actor, channel)


class ConfigMutations(graphene.ObjectType):
    ticket_status_create = TicketStatusCreate.Field()
    ticket_status_definition_update = TicketStatusDefinitionUpdate.Field()
    ticket_status_delete = TicketStatusDelete.Field()
    ticket_transition_create = TicketTransitionCreate.Field()
    ticket_transition_delete = TicketTransitionDelete.Field()
    ticket_priority_create = TicketPriorityCreate.Field()
    ticket_priority_update = TicketPriorityUpdate.Field()
    ticket_priority_delete = TicketPriorityDelete.Field()
    ticket_category_create = TicketCategoryCreate.Field()
    ticket_category_update = TicketCategoryUpdate.Field()
    ticket_category_delete = TicketCategoryDelete.Field()
    ticket_contact_create = TicketContactCreate.Field()
    ticket_contact_update = TicketContactUpdate.Field()
    ticket_contact_delete = TicketContactDelete.Field()
    response_template_create = ResponseTemplateCreate.Field()
    response_template_update = ResponseTemplateUpdate.Field()
    response_template_delete = ResponseTemplateDelete.Field()
    support_agent_add = SupportAgentAdd.Field()
    support_agent_update = SupportAgentUpdate.Field()
    support_agent_remove = SupportAgentRemove.Field()
    customer_responsible_set = CustomerResponsibleSet.Field()
    helpdesk_channel_settings_update = HelpdeskChannelSettingsUpdate.Field()
