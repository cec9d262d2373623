from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.config import create_template
from ....core.actor import Actor
from ...core.mutations import BaseMutation
from ..inputs import ResponseTemplateInput
from ..types import ResponseTemplateType
from .common import template_fields


class ResponseTemplateCreate(BaseMutation):
    template = graphene.Field(ResponseTemplateType, description="The new template.")

    class Arguments:
        input = ResponseTemplateInput(required=True, description="The template.")

    class Meta:
        description = "Add a response template; unknown placeholders are refused (MANAGE_PLUGINS)."

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "ResponseTemplateCreate":
        return cls(template=create_template(actor, template_fields(data["input"])))
