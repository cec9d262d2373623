"""The base of every helpdesk mutation: domain errors become typed `errors`."""

from typing import Any, cast

import graphene
from django.core.exceptions import ValidationError

from graphql import ResolveInfo

from ...core.actor import Actor
from .context import HelpdeskContext
from .errors import HelpdeskError, errors_from


class BaseMutation(graphene.Mutation):
    errors = graphene.List(
        graphene.NonNull(HelpdeskError),
        required=True,
        default_value=[],
        description="Why the mutation was refused; empty when it succeeded.",
    )

    class Meta:
        abstract = True

    @classmethod
    def mutate(cls, root: Any, info: ResolveInfo, **data: Any) -> Any:
        try:
            context = cast(HelpdeskContext, info.context)
            return cls.perform(info, context.actor, **data)
        except ValidationError as error:
            return cls(errors=errors_from(error))

    @classmethod
    def perform(cls, info: ResolveInfo, actor: Actor, **data: Any) -> Any:
        """Call the domain action; return `cls(...)` with the result fields."""
        raise NotImplementedError
