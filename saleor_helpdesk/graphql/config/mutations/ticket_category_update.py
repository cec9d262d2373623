from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.config import update_category
from ....core.actor import Actor
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ...workflow.types import TicketCategory
from ..inputs import TicketCategoryInput
from .common import category_fields


class TicketCategoryUpdate(BaseMutation):
    category = graphene.Field(TicketCategory, description="The changed category.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the category.")
        input = TicketCategoryInput(required=True, description="What changes.")

    class Meta:
        description = "Change a category (MANAGE_PLUGINS)."

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "TicketCategoryUpdate":
        pk = int_pk(data["id"], "TicketCategory")
        return cls(category=update_category(actor, pk, category_fields(data["input"])))
