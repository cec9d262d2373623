"""Apollo Federation (v1) subgraph support: the helpdesk extends Saleor's `Order` and
`User` entities (key `id`) with their tickets, so a gateway serves both APIs as one.

`_service { sdl }` returns this schema with `Order`/`User` written as extensions of
Saleor's types; `_entities` turns at most MAX_REPRESENTATIONS representations into those
extensions (the view refuses more before authentication; the resolver refuses them
too, whatever way they arrive), and their tickets load in a fixed number of queries per
entity type (`federation_dataloaders.py`)."""

import re
from typing import Any

import graphene
from django.core.exceptions import ValidationError

from ..core.error_codes import HelpdeskErrorCode
from ..core.errors import field_error
from .core.connection import check_pagination, connection_field
from .core.errors import query_error
from .core.ids import global_pk
from .core.limits import MAX_REPRESENTATIONS, representations_message
from .core.printer import print_sdl
from .federation_dataloaders import EntityTicketsLoader
from .tickets.inputs import TicketSortingInput
from .tickets.types import TicketCountableConnection


def _entity_tickets(info: Any, arguments: dict[str, Any], key: str, pk: Any) -> Any:
    """The entity's tickets the caller may see, as a connection, batched with those
    of the request's other entities of its type."""
    check_pagination(arguments.get("first"), arguments.get("last"))
    return EntityTicketsLoader.of(info.context, key, arguments).load(pk)


class OrderEntity(graphene.ObjectType):
    id = graphene.ID(required=True, description="Saleor's ID of the order.")
    helpdesk_tickets = connection_field(
        TicketCountableConnection,
        sort_by=TicketSortingInput(description="Their order (default: newest first)."),
        description="The order's tickets the caller may see.",
    )

    class Meta:
        name = "Order"
        description = "Saleor's order, extended by the helpdesk."

    @staticmethod
    def resolve_helpdesk_tickets(root: Any, info: Any, **kwargs: Any) -> Any:
        return _entity_tickets(info, kwargs, "order_id", global_pk(root.id, "Order"))


class UserEntity(graphene.ObjectType):
    id = graphene.ID(required=True, description="Saleor's ID of the user.")
    helpdesk_tickets = connection_field(
        TicketCountableConnection,
        sort_by=TicketSortingInput(description="Their order (default: newest first)."),
        description="The customer's tickets the caller may see.",
    )

    class Meta:
        name = "User"
        description = "Saleor's user, extended by the helpdesk."

    @staticmethod
    def resolve_helpdesk_tickets(root: Any, info: Any, **kwargs: Any) -> Any:
        return _entity_tickets(info, kwargs, "customer_id", global_pk(root.id, "User"))


class Entity(graphene.Union):
    class Meta:
        name = "_Entity"
        description = "The entities this subgraph extends."
        types = (OrderEntity, UserEntity)


class AnyScalar(graphene.types.Scalar):
    class Meta:
        name = "_Any"
        description = "An entity representation: `{__typename, id}`."

    @staticmethod
    def serialize(value: Any) -> Any:
        return value

    @staticmethod
    def parse_value(value: Any) -> Any:
        return value

    @staticmethod
    def parse_literal(node: Any) -> Any:
        return None


class Service(graphene.ObjectType):
    sdl = graphene.String(required=True, description="This subgraph's schema.")

    class Meta:
        name = "_Service"
        description = "Federation: the subgraph's description of itself."


ENTITY_TYPES: dict[str, Any] = {"Order": OrderEntity, "User": UserEntity}


class FederationQueries(graphene.ObjectType):
    service = graphene.Field(
        Service,
        required=True,
        name="_service",
        description="Federation: this subgraph.",
    )
    entities = graphene.List(
        Entity,
        required=True,
        name="_entities",
        representations=graphene.List(
            graphene.NonNull(AnyScalar),
            required=True,
            description="The entities to resolve.",
        ),
        description="Federation: resolve Saleor entities this subgraph extends.",
    )

    @staticmethod
    def resolve_service(root: Any, info: Any) -> Service:
        return Service(sdl=subgraph_sdl(info.schema))

    @staticmethod
    def resolve_entities(root: Any, info: Any, representations: list[Any]) -> list[Any]:
        if len(representations) > MAX_REPRESENTATIONS:
            raise query_error(
                ValidationError(
                    {
                        "representations": ValidationError(
                            representations_message(len(representations)),
                            code=HelpdeskErrorCode.INVALID.value,
                        )
                    }
                )
            )
        resolved = []
        for representation in representations:
            if not isinstance(representation, dict):
                raise query_error(
                    field_error(
                        "representations",
                        "Each representation must be an object.",
                        HelpdeskErrorCode.INVALID,
                    )
                )
            entity = ENTITY_TYPES.get(str(representation.get("__typename")))
            if entity is None:
                raise query_error(
                    field_error(
                        "representations",
                        "This subgraph does not extend "
                        f"{representation.get('__typename')!r}.",
                        HelpdeskErrorCode.INVALID,
                    )
                )
            # An ID that cannot be one of this type refuses the request, as Saleor's
            # own subgraph does; a well-formed ID resolves, with the tickets the
            # caller may see of it (none for an object that does not exist).
            try:
                global_pk(
                    str(representation.get("id")), entity._meta.name, "representations"
                )
            except ValidationError as error:
                raise query_error(error) from error
            resolved.append(entity(id=representation["id"]))
        return resolved


_FEDERATION_TYPES = ("_Any", "_Entity", "_Service")


def subgraph_sdl(schema: Any) -> str:
    """The schema as a federation v1 subgraph: Saleor's `Order` and `User` are extended
    (`@key(fields: "id")`, `id` external) and the federation plumbing is left out."""
    kept = []
    for block in print_sdl(schema).split("\n\n"):
        if any(
            re.search(rf"^(scalar|union|type) {name}\b", block, flags=re.M)
            for name in _FEDERATION_TYPES
        ):
            continue
        for name in ENTITY_TYPES:
            pattern = rf'^(""".*"""\n)?type {name} \{{'
            if re.search(pattern, block, flags=re.M):
                block = re.sub(
                    pattern,
                    f'extend type {name} @key(fields: "id") {{',
                    block,
                    flags=re.M,
                ).replace("  id: ID!\n", "  id: ID! @external\n", 1)
        block = re.sub(r'\n  """[^\n]*"""\n  _service: _Service!', "", block)
        block = re.sub(
            r'\n  """[^\n]*"""\n  _entities\([\s\S]*?\): \[_Entity\]!', "", block
        )
        kept.append(block)
    return "\n\n".join(kept)
