from typing import Any

import graphene

from graphql import ResolveInfo

from ....core.actor import Actor
from ....tags.actions import update_tag
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ..inputs import HelpdeskTagInput
from ..types import HelpdeskTag
from .common import tag_fields


class HelpdeskTagUpdate(BaseMutation):
    tag = graphene.Field(HelpdeskTag, description="The tag as saved.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the tag.")
        input = HelpdeskTagInput(required=True, description="What changes.")

    class Meta:
        description = "Rename or recolour a tag (MANAGE_PLUGINS)."

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "HelpdeskTagUpdate":
        pk = int_pk(data["id"], "HelpdeskTag")
        return cls(tag=update_tag(actor, pk, tag_fields(data["input"])))
