from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.config import delete_template
from ....core.actor import Actor
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ..types import ResponseTemplateType


class ResponseTemplateDelete(BaseMutation):
    template = graphene.Field(ResponseTemplateType, description="The deleted template.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the template.")

    class Meta:
        description = "Delete a response template (MANAGE_PLUGINS)."

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "ResponseTemplateDelete":
        return cls(
            template=delete_template(actor, int_pk(data["id"], "ResponseTemplate"))
        )
