from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.config import delete_contact
from ....core.actor import Actor
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ...workflow.types import TicketContact


class TicketContactDelete(BaseMutation):
    contact = graphene.Field(TicketContact, description="The deleted contact.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the contact.")

    class Meta:
        description = "Delete a contact (queue) no ticket uses (MANAGE_PLUGINS)."

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "TicketContactDelete":
        return cls(contact=delete_contact(actor, int_pk(data["id"], "TicketContact")))
