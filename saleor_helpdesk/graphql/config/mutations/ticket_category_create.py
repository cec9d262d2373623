from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.config import create_category
from ....core.actor import Actor
from ...core.mutations import BaseMutation
from ...workflow.types import TicketCategory
from ..inputs import TicketCategoryInput
from .common import category_fields


class TicketCategoryCreate(BaseMutation):
    category = graphene.Field(TicketCategory, description="The new category.")

    class Arguments:
        input = TicketCategoryInput(required=True, description="The category.")

    class Meta:
        description = "Add a category for one kind of ticket (MANAGE_PLUGINS)."

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "TicketCategoryCreate":
        return cls(category=create_category(actor, category_fields(data["input"])))
