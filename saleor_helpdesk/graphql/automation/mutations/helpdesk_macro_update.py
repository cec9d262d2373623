from typing import Any

import graphene

from graphql import ResolveInfo

from ....automation.macros import update_macro
from ....core.actor import Actor
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ..inputs import HelpdeskMacroInput
from ..types import HelpdeskMacro
from .common import macro_fields


class HelpdeskMacroUpdate(BaseMutation):
    macro = graphene.Field(HelpdeskMacro, description="The macro as saved.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the macro.")
        input = HelpdeskMacroInput(required=True, description="What changes.")

    class Meta:
        description = "Change a macro (MANAGE_PLUGINS)."

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "HelpdeskMacroUpdate":
        pk = int_pk(data["id"], "HelpdeskMacro")
        return cls(macro=update_macro(actor, pk, macro_fields(data["input"])))
