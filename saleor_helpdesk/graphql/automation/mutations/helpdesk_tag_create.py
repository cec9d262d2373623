from typing import Any

import graphene

from graphql import ResolveInfo

from ....core.actor import Actor
from ....tags.actions import create_tag
from ...core.mutations import BaseMutation
from ..inputs import HelpdeskTagInput
from ..types import HelpdeskTag
from .common import tag_fields


class HelpdeskTagCreate(BaseMutation):
    tag = graphene.Field(HelpdeskTag, description="The new tag.")

    class Arguments:
        input = HelpdeskTagInput(required=True, description="The tag.")

    class Meta:
        description = "Add a tag (MANAGE_PLUGINS)."

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "HelpdeskTagCreate":
        return cls(tag=create_tag(actor, tag_fields(data["input"])))
