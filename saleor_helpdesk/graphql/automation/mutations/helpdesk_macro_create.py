from typing import Any

import graphene

from graphql import ResolveInfo

from ....automation.macros import create_macro
from ....core.actor import Actor
from ...core.mutations import BaseMutation
from ..inputs import HelpdeskMacroInput
from ..types import HelpdeskMacro
from .common import macro_fields


class HelpdeskMacroCreate(BaseMutation):
    macro = graphene.Field(HelpdeskMacro, description="The new macro.")

    class Arguments:
        input = HelpdeskMacroInput(required=True, description="The macro.")

    class Meta:
        description = "Add a macro (MANAGE_PLUGINS)."

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "HelpdeskMacroCreate":
        return cls(macro=create_macro(actor, macro_fields(data["input"])))
