from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.config import update_contact
from ....core.actor import Actor
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ...workflow.types import TicketContact
from ..inputs import TicketContactInput
from .common import contact_fields


class TicketContactUpdate(BaseMutation):
    contact = graphene.Field(TicketContact, description="The changed contact.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the contact.")
        input = TicketContactInput(required=True, description="What changes.")

    class Meta:
        description = "Change a contact (queue) (MANAGE_PLUGINS)."

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "TicketContactUpdate":
        pk = int_pk(data["id"], "TicketContact")
        return cls(contact=update_contact(actor, pk, contact_fields(data["input"])))
