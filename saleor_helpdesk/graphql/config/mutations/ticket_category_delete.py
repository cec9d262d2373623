from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.config import delete_category
from ....core.actor import Actor
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ...workflow.types import TicketCategory


class TicketCategoryDelete(BaseMutation):
    category = graphene.Field(TicketCategory, description="The deleted category.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the category.")

    class Meta:
        description = "Delete a category no ticket uses (MANAGE_PLUGINS)."

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "TicketCategoryDelete":
        return cls(
            category=delete_category(actor, int_pk(data["id"], "TicketCategory"))
        )
