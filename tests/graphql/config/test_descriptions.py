"""Every part of the configuration API is described, each description a sentence."""

from graphql.type import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
)
from graphql.type.definition import get_named_type
from saleor_helpdesk.graphql.config.schema import ConfigMutations, ConfigQueries
from saleor_helpdesk.graphql.schema import schema

BUILT_IN = {"String", "Int", "Float", "Boolean", "ID", "DateTime", "JSONString"}


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def _operations():
    queries = schema.get_query_type().fields
    mutations = schema.get_mutation_type().fields
    for name in ConfigQueries._meta.fields:
        yield f"Query.{_camel(name)}", queries[_camel(name)]
    for name in ConfigMutations._meta.fields:
        yield f"Mutation.{_camel(name)}", mutations[_camel(name)]


def _undescribed() -> list[str]:
    problems: list[str] = []
    seen: set[str] = set()
    pending = []

    def check(where: str, description: str | None) -> None:
        if not description or not description.rstrip().endswith("."):
            problems.append(f"{where}: {description!r}")

    def visit(where: str, field) -> None:
        check(where, field.description)
        for arg_name, arg in getattr(field, "args", {}).items():
            check(f"{where}({arg_name})", arg.description)
            pending.append(get_named_type(arg.type))
        pending.append(get_named_type(field.type))

    for where, field in _operations():
        visit(where, field)
    while pending:
        named = pending.pop()
        if named.name in seen or named.name in BUILT_IN:
            continue
        seen.add(named.name)
        check(named.name, named.description)
        if isinstance(named, GraphQLEnumType):
            continue
        if isinstance(
            named, GraphQLObjectType | GraphQLInterfaceType | GraphQLInputObjectType
        ):
            for field_name, field in named.fields.items():
                visit(f"{named.name}.{field_name}", field)
    return problems


def test_every_operation_argument_type_and_field_is_described_in_sentences():
    # given the configuration operations and every type they reach
    # when their descriptions are collected
    problems = _undescribed()

    # then each one is there and ends with a full stop
    assert problems == []
