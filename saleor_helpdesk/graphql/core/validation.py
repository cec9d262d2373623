"""The rules the view validates a document with: the specification's, and one of ours.

`NoNulInTextLiterals` refuses text written into the query that holds a NUL character
(U+0000), which PostgreSQL does not store (see `core/nul.py`). graphql-core reads the escape
`"\\u0000"` in a string literal as that character (a NUL written as is, it refuses as a
syntax error). The rule looks at every value written into the document that reaches a
resolver: each argument's value (of fields and of directives) and each variable's
default value, down through lists and input objects, and reports a `String` or `ID`
with a NUL, or one of the schema's own scalars whose value, as it reads it, holds one.
The error names the argument or variable and the place in its value, as the check of
the variables does, and points at the string. A literal its type does not accept at all
is left to `ArgumentsOfCorrectType` and `DefaultValuesOfCorrectType`, so each wrong
value is reported once.
"""

from typing import Any

from graphql import GraphQLError
from graphql.language import ast
from graphql.type import (
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
)
from graphql.utils.type_from_ast import type_from_ast
from graphql.validation.rules import specified_rules
from graphql.validation.rules.base import ValidationRule

from ...core.nul import NUL, NUL_MESSAGE, contains_nul
from .variables import Path, show_path

_TEXT_SCALARS = {"String", "ID"}
_OTHER_BUILTIN_SCALARS = {"Int", "Float", "Boolean"}


class NoNulInTextLiterals(ValidationRule):
    def enter_Argument(self, node: ast.Argument, *_: Any) -> bool:
        argument = self.context.get_argument()  # None for an unknown argument
        name = node.name.value
        for path, string in _nul_strings(
            node.value, argument.type if argument else None, (name,)
        ):
            self.context.report_error(
                GraphQLError(
                    f'Argument "{name}" has invalid value{_at(path)}: {NUL_MESSAGE}',
                    [string],
                )
            )
        return False  # the value is walked; nothing in it is left to this rule

    def enter_VariableDefinition(self, node: ast.VariableDefinition, *_: Any) -> bool:
        if node.default_value is not None:
            name = node.variable.name.value
            declared = type_from_ast(self.context.get_schema(), node.type)
            for path, string in _nul_strings(node.default_value, declared, (name,)):
                self.context.report_error(
                    GraphQLError(
                        f'Variable "${name}" has invalid default value{_at(path)}: '
                        f"{NUL_MESSAGE}",
                        [string],
                    )
                )
        return False


VALIDATION_RULES = [*specified_rules, NoNulInTextLiterals]


def _nul_strings(
    node: Any, type_: Any, path: Path
) -> list[tuple[Path, ast.StringValue]]:
    """The string literals in `node` (a value of `type_`, None where the schema does
    not know it) that hold a NUL, with where they are."""
    if isinstance(type_, GraphQLNonNull):
        type_ = type_.of_type
    if isinstance(node, ast.ListValue):
        item_type = type_.of_type if isinstance(type_, GraphQLList) else None
        return [
            found
            for index, item in enumerate(node.values)
            for found in _nul_strings(item, item_type, (*path, index))
        ]
    if isinstance(type_, GraphQLList):
        # A single value where a list is expected is a list of one (the spec).
        return _nul_strings(node, type_.of_type, path)
    if isinstance(node, ast.ObjectValue):
        fields = type_.fields if isinstance(type_, GraphQLInputObjectType) else {}
        return [
            found
            for field in node.fields
            for found in _nul_strings(
                field.value,
                fields[field.name.value].type if field.name.value in fields else None,
                (*path, field.name.value),
            )
        ]
    if isinstance(node, ast.StringValue) and _holds_nul(node, type_):
        return [(path, node)]
    return []


def _holds_nul(node: ast.StringValue, type_: Any) -> bool:
    if not isinstance(type_, GraphQLScalarType):
        # An enum or an input object refuses a string (ArgumentsOfCorrectType says so);
        # a place the schema does not know is reported by the rule for unknown names.
        return False
    if type_.name in _TEXT_SCALARS:
        return NUL in node.value
    if type_.name in _OTHER_BUILTIN_SCALARS:
        return False
    parsed = type_.parse_literal(node)  # our scalars answer None, never raise
    return parsed is not None and (NUL in node.value or contains_nul(parsed))


def _at(path: Path) -> str:
    return f' at "{show_path(path)}"' if len(path) > 1 else ""
