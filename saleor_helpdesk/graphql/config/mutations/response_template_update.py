from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.config import update_template
from ....core.actor import Actor
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ..inputs import ResponseTemplateInput
from ..types import ResponseTemplateType
from .common import template_fields


class ResponseTemplateUpdate(BaseMutation):
    template = graphene.Field(ResponseTemplateType, description="The changed template.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the template.")
        input = ResponseTemplateInput(required=True, description="What changes.")

    class Meta:
        description = "Change a response template; unknown placeholders are refused (MANAGE_PLUGINS)."

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "ResponseTemplateUpdate":
        pk = int_pk(data["id"], "ResponseTemplate")
        return cls(template=update_template(actor, pk, template_fields(data["input"])))
