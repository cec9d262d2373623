from typing import Any

import graphene

from graphql import ResolveInfo

from ....core.actor import Actor
from ....tags.actions import delete_tag
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ..types import HelpdeskTag


class HelpdeskTagDelete(BaseMutation):
    tag = graphene.Field(HelpdeskTag, description="The deleted tag.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the tag.")

    class Meta:
        description = "Delete a tag; it leaves every ticket (MANAGE_PLUGINS)."

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "HelpdeskTagDelete":
        return cls(tag=delete_tag(actor, int_pk(data["id"], "HelpdeskTag")))
