"""The workflow's label types: `TicketStatus`, `TicketPriority`, `TicketCategory` and
`TicketContact`, with the status transitions.

The types are shared by tickets, the storefront and the settings, so fields that
describe how the shop works inside (transitions, the internal status mapping, a
contact's responsible person and address) are null for anyone who may not read the
settings (MANAGE_ORDERS or MANAGE_PLUGINS).
"""

from collections.abc import Callable
from typing import Any

import graphene

from ...actions.config import can_read_settings
from ..config.dataloaders import TransitionsBySourceIdLoader
from ..core.dataloaders import load_related
from ..core.enums import TicketKindEnum, TicketStatusGroupEnum
from ..core.ids import to_global_id
from ..shop.dataloaders import UserByIdLoader
from ..shop.types import HelpdeskUser
from ..tickets.dataloaders import StatusByIdLoader

LANGUAGE_ARG = graphene.String(
    description="Language of the labels (e.g. `de`, `en`); defaults to English."
)


def settings_readers_only(resolver: Callable[..., Any]) -> Callable[..., Any]:
    """Null unless the caller may read the helpdesk's settings."""

    def resolve(root: Any, info: Any, **kwargs: Any) -> Any:
        if not can_read_settings(info.context.actor):
            return None
        return resolver(root, info, **kwargs)

    return resolve


class TicketLabelTranslation(graphene.ObjectType):
    language_code = graphene.String(
        required=True, description="The language (e.g. `de`, `en`)."
    )
    name = graphene.String(required=True, description="The label in that language.")

    class Meta:
        description = "A label in one language."


class TicketStatusTransition(graphene.ObjectType):
    id = graphene.ID(required=True, description="ID of the transition.")
    source = graphene.Field(
        lambda: TicketStatus, required=True, description="The status a ticket leaves."
    )
    target = graphene.Field(
        lambda: TicketStatus, required=True, description="The status a ticket moves to."
    )
    staff_allowed = graphene.Boolean(
        required=True, description="Whether staff may make this move."
    )
    customer_allowed = graphene.Boolean(
        required=True,
        description="Whether customers may make this move (where the channel allows).",
    )
    system_allowed = graphene.Boolean(
        required=True,
        description="Whether the helpdesk makes this move by itself (a reply reopens).",
    )

    class Meta:
        description = "An allowed move between two statuses, and who may make it."

    @staticmethod
    def resolve_id(root: Any, info: Any) -> str:
        return to_global_id("TicketStatusTransition", root.pk)

    @staticmethod
    def resolve_source(root: Any, info: Any) -> Any:
        return load_related(info, root, "source", StatusByIdLoader)

    @staticmethod
    def resolve_target(root: Any, info: Any) -> Any:
        return load_related(info, root, "target", StatusByIdLoader)


def _translations(root: Any, info: Any) -> list[TicketLabelTranslation]:
    return [
        TicketLabelTranslation(language_code=code, name=name)
        for code, name in sorted((root.translations or {}).items())
    ]


TRANSLATIONS_DESCRIPTION = "The label in every language it is translated to."


class Translated:
    """The labels of a configurable row in every language (shared by the four)."""

    translations = graphene.List(
        graphene.NonNull(TicketLabelTranslation),
        required=True,
        description=TRANSLATIONS_DESCRIPTION,
    )

    resolve_translations = staticmethod(_translations)


class StatusConfigFields(Translated):
    position = graphene.Int(required=True, description="Where it is listed.")
    is_active = graphene.Boolean(
        required=True, description="Whether tickets can move to it."
    )
    is_initial = graphene.Boolean(
        required=True, description="Whether new tickets start here."
    )
    pauses_sla = graphene.Boolean(
        description=(
            "Whether service-level clocks stand still in this status. Null for "
            "callers who may not read the settings."
        )
    )
    customer_status = graphene.Field(
        lambda: TicketStatus,
        description=(
            "For an internal status: the status customers see instead. Null for "
            "callers who may not read the settings."
        ),
    )
    transitions = graphene.List(
        graphene.NonNull(TicketStatusTransition),
        description=(
            "The moves out of this status. Null for callers who may not read the "
            "settings."
        ),
    )

    @staticmethod
    @settings_readers_only
    def resolve_pauses_sla(root: Any, info: Any) -> Any:
        return root.pauses_sla

    @staticmethod
    @settings_readers_only
    def resolve_customer_status(root: Any, info: Any) -> Any:
        return load_related(info, root, "customer_status", StatusByIdLoader)

    @staticmethod
    @settings_readers_only
    def resolve_transitions(root: Any, info: Any) -> Any:
        if root.pk is None:
            return []
        return TransitionsBySourceIdLoader(info.context).load(root.pk)


class PriorityConfigFields(Translated):
    position = graphene.Int(required=True, description="Where it is listed.")
    is_default = graphene.Boolean(
        required=True, description="Whether new tickets get this priority."
    )


class CategoryConfigFields(Translated):
    position = graphene.Int(
        required=True, description="Where it is listed among its kind."
    )
    is_active = graphene.Boolean(
        required=True, description="Whether customers can choose it."
    )


class ContactConfigFields(Translated):
    email = graphene.String(
        description=(
            "The queue's e-mail address, if any. Null for callers who may not read "
            "the settings."
        )
    )
    responsible = graphene.Field(
        HelpdeskUser,
        description=(
            "Who new tickets to this queue go to. Null when nobody is, and for "
            "callers who may not read the settings."
        ),
    )
    position = graphene.Int(required=True, description="Where it is listed.")
    is_active = graphene.Boolean(
        required=True, description="Whether customers can address it."
    )

    @staticmethod
    @settings_readers_only
    def resolve_email(root: Any, info: Any) -> Any:
        return root.email

    @staticmethod
    @settings_readers_only
    def resolve_responsible(root: Any, info: Any) -> Any:
        return load_related(info, root, "responsible", UserByIdLoader)


class Labelled:
    @staticmethod
    def resolve_name(root: Any, info: Any, language_code: str | None = None) -> str:
        return str(root.label(language_code))


class TicketStatus(StatusConfigFields, Labelled, graphene.ObjectType):
    id = graphene.ID(required=True, description="ID of the status.")
    slug = graphene.String(required=True, description="Stable code of the status.")
    name = graphene.String(
        required=True, language_code=LANGUAGE_ARG, description="Label of the status."
    )
    group = graphene.Field(
        TicketStatusGroupEnum, required=True, description="Inbox group of the status."
    )
    is_closed = graphene.Boolean(
        required=True, description="Whether tickets here are done."
    )
    is_internal = graphene.Boolean(
        required=True,
        description="Whether customers see another status's label instead.",
    )

    class Meta:
        description = "A state of the ticket workflow."

    @staticmethod
    def resolve_id(root: Any, info: Any) -> str:
        return to_global_id("TicketStatus", root.pk)


class TicketPriority(PriorityConfigFields, Labelled, graphene.ObjectType):
    id = graphene.ID(required=True, description="ID of the priority.")
    slug = graphene.String(required=True, description="Stable code of the priority.")
    name = graphene.String(
        required=True, language_code=LANGUAGE_ARG, description="Label of the priority."
    )
    resolution_hours = graphene.Int(description="Target time to resolve, in hours.")

    class Meta:
        description = "How urgent a ticket is."

    @staticmethod
    def resolve_id(root: Any, info: Any) -> str:
        return to_global_id("TicketPriority", root.pk)


class TicketCategory(CategoryConfigFields, Labelled, graphene.ObjectType):
    id = graphene.ID(required=True, description="ID of the category.")
    slug = graphene.String(required=True, description="Stable code of the category.")
    kind = graphene.Field(
        TicketKindEnum, required=True, description="The kind it is for."
    )
    name = graphene.String(
        required=True, language_code=LANGUAGE_ARG, description="Label of the category."
    )

    class Meta:
        description = "A category offered for one kind of ticket."

    @staticmethod
    def resolve_id(root: Any, info: Any) -> str:
        return to_global_id("TicketCategory", root.pk)


class TicketContact(ContactConfigFields, Labelled, graphene.ObjectType):
    id = graphene.ID(required=True, description="ID of the contact.")
    slug = graphene.String(required=True, description="Stable code of the contact.")
    name = graphene.String(
        required=True, language_code=LANGUAGE_ARG, description="Label of the contact."
    )
    description = graphene.String(required=True, description="What this queue handles.")

    class Meta:
        description = "A queue customers can address (customer service, webmaster, …)."

    @staticmethod
    def resolve_id(root: Any, info: Any) -> str:
        return to_global_id("TicketContact", root.pk)
