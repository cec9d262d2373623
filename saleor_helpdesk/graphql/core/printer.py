"""SDL printing with descriptions (graphql-core 2's own printer drops them)."""

from typing import Any

from graphql.language.printer import print_ast
from graphql.type import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLUnionType,
)
from graphql.utils.ast_from_value import ast_from_value

BUILT_IN_SCALARS = {"String", "Int", "Float", "Boolean", "ID"}


def print_sdl(schema: Any) -> str:
    blocks = [
        "schema {\n  query: Query\n  mutation: Mutation\n}",
        *(
            _type(named)
            for name, named in sorted(schema.get_type_map().items())
            if not name.startswith("__") and name not in BUILT_IN_SCALARS
        ),
    ]
    return "\n\n".join(blocks) + "\n"


def _description(text: str | None, indent: str = "") -> str:
    if not text:
        return ""
    body = text.replace('"""', '\\"""')
    if "\n" not in body and len(body) + len(indent) < 80:
        return f'{indent}"""{body}"""\n'
    lines = "\n".join(f"{indent}{line}" if line else "" for line in body.split("\n"))
    return f'{indent}"""\n{lines}\n{indent}"""\n'


def _arguments(args: dict[str, Any], indent: str) -> str:
    if not args:
        return ""
    parts = []
    for name, arg in args.items():
        default = ""
        if arg.default_value is not None:
            default = f" = {print_ast(ast_from_value(arg.default_value, arg.type))}"
        parts.append(
            _description(arg.description, indent + "  ")
            + f"{indent}  {name}: {arg.type}{default}"
        )
    return "(\n" + "\n".join(parts) + f"\n{indent})"


def _fields(fields: dict[str, Any], with_args: bool) -> str:
    lines = []
    for name, field in fields.items():
        args = _arguments(field.args, "  ") if with_args else ""
        lines.append(
            _description(field.description, "  ") + f"  {name}{args}: {field.type}"
        )
    return "{\n" + "\n".join(lines) + "\n}"


def _type(named: Any) -> str:
    head = _description(named.description)
    if isinstance(named, GraphQLScalarType):
        return f"{head}scalar {named.name}"
    if isinstance(named, GraphQLEnumType):
        values = "\n".join(
            _description(value.description, "  ") + f"  {value.name}"
            for value in named.values
        )
        return f"{head}enum {named.name} {{\n{values}\n}}"
    if isinstance(named, GraphQLUnionType):
        return f"{head}union {named.name} = " + " | ".join(t.name for t in named.types)
    if isinstance(named, GraphQLInputObjectType):
        fields = "\n".join(
            _description(field.description, "  ")
            + f"  {name}: {field.type}"
            + (
                f" = {print_ast(ast_from_value(field.default_value, field.type))}"
                if field.default_value is not None
                else ""
            )
            for name, field in named.fields.items()
        )
        return f"{head}input {named.name} {{\n{fields}\n}}"
    if isinstance(named, GraphQLInterfaceType):
        return f"{head}interface {named.name} {_fields(named.fields, True)}"
    if isinstance(named, GraphQLObjectType):
        interfaces = (
            " implements " + " & ".join(i.name for i in named.interfaces)
            if named.interfaces
            else ""
        )
        return f"{head}type {named.name}{interfaces} {_fields(named.fields, True)}"
    raise TypeError(f"Cannot print {named!r}")
