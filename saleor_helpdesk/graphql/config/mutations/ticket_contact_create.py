from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.config import create_contact
from ....core.actor import Actor
from ...core.mutations import BaseMutation
from ...workflow.types import TicketContact
from ..inputs import TicketContactInput
from .common import contact_fields


class TicketContactCreate(BaseMutation):
    contact = graphene.Field(TicketContact, description="The new contact.")

    class Arguments:
        input = TicketContactInput(required=True, description="The contact.")

    class Meta:
        description = "Add a contact (queue) customers can address (MANAGE_PLUGINS)."

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "TicketContactCreate":
        return cls(contact=create_contact(actor, contact_fields(data["input"])))
