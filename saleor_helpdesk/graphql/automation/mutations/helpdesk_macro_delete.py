from typing import Any

import graphene

from graphql import ResolveInfo

from ....automation.macros import delete_macro
from ....core.actor import Actor
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ..types import HelpdeskMacro


class HelpdeskMacroDelete(BaseMutation):
    macro = graphene.Field(HelpdeskMacro, description="The deleted macro.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the macro.")

    class Meta:
        description = "Delete a macro (MANAGE_PLUGINS)."

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "HelpdeskMacroDelete":
        return cls(macro=delete_macro(actor, int_pk(data["id"], "HelpdeskMacro")))
