"""The request's variables checked against the types the operation declares for them,
before anything runs.

graphql-core 2 coerces variables inside `execute()`, and loosely: its `Int`, `Float`,
`String`, `Boolean` and `ID` call `int()`, `float()`, `str()` and `bool()` on whatever
JSON arrived. A value those cannot read (`"viele"` or a list for an `Int`, `10**400` for
a `Float`) raises a plain `ValueError`, `TypeError` or `OverflowError` out of
`execute()`, and a value they can read is often silently wrong (`Boolean` makes
`"false"` true, `Int` cuts 1.5 to 1, `String` and `ID` turn an object into its Python
text). The request errors it does find (a missing required variable, an unknown enum
value) it raises, rather than returns, from `execute()` as well.

`check_variables` applies the GraphQL specification's input coercion rules instead (as
graphql-js does) and returns every problem as a request error naming the variable, the
place in its value and what was expected. The view answers those with 400 before
execution, like validation errors, so a mutation with a wrong variable never runs.
What passes here, graphql-core coerces without surprises.

Text that fits its type is refused as well when it holds a NUL character (U+0000),
which PostgreSQL does not store (see `core/nul.py`): in a `String` or `ID`, and in what one
of the schema's own scalars reads from its value. That message leaves the value out
(it may be a whole comment); the path says where the NUL is.
"""

import json
import math
from collections.abc import Iterator
from typing import Any

from graphql import GraphQLError
from graphql.language import ast
from graphql.type import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
)
from graphql.utils.type_from_ast import type_from_ast

from ...core.nul import NUL_MESSAGE, contains_nul

MAX_INT = 2**31 - 1
MIN_INT = -(2**31)
MAX_ERRORS = 20
_SHOWN_VALUE_LENGTH = 80

Path = tuple[str | int, ...]

# In place of the wrong value: a problem whose message does not show the value.
_NOT_SHOWN = object()


def check_variables(
    schema: Any, operation: ast.OperationDefinition, variables: dict[str, Any]
) -> list[GraphQLError]:
    """The problems with the variables' values, at most MAX_ERRORS of them (and one
    more saying so); none when every value fits its declared type. The document must
    be valid (so every declared type exists and is an input type)."""
    errors: list[GraphQLError] = []
    for definition in operation.variable_definitions or []:
        name = definition.variable.name.value
        declared = type_from_ast(schema, definition.type)
        for message in _variable_problems(name, declared, variables):
            if len(errors) == MAX_ERRORS:
                errors.append(
                    GraphQLError(
                        f"More than {MAX_ERRORS} variable values are invalid; the "
                        "first are listed."
                    )
                )
                return errors
            errors.append(GraphQLError(message, [definition]))
    return errors


def _variable_problems(
    name: str, declared: Any, variables: dict[str, Any]
) -> Iterator[str]:
    value = variables.get(name)
    if value is None:
        # Missing or null: graphql-core uses the default value where there is one.
        if isinstance(declared, GraphQLNonNull):
            yield (
                f'Variable "${name}" of required type "{declared}" was not provided.'
                if name not in variables
                else f'Variable "${name}" of non-null type "{declared}" must not be '
                "null."
            )
        return
    for path, wrong, problem in _problems(value, declared, (name,)):
        shown = "" if wrong is _NOT_SHOWN else f" {_show(wrong)}"
        where = f' at "{show_path(path)}"' if len(path) > 1 else ""
        yield f'Variable "${name}" got invalid value{shown}{where}: {problem}'


def _problems(value: Any, type_: Any, path: Path) -> Iterator[tuple[Path, Any, str]]:
    """(where, the value there, what is wrong with it) for every problem in `value`."""
    if isinstance(type_, GraphQLNonNull):
        if value is None:
            yield path, value, f'Expected a value of non-null type "{type_}".'
        else:
            yield from _problems(value, type_.of_type, path)
    elif value is None:
        return
    elif isinstance(type_, GraphQLList):
        if isinstance(value, list):
            for index, item in enumerate(value):
                yield from _problems(item, type_.of_type, (*path, index))
        else:
            # A single value where a list is expected is a list of one (the spec).
            yield from _problems(value, type_.of_type, path)
    elif isinstance(type_, GraphQLInputObjectType):
        yield from _input_object_problems(value, type_, path)
    elif isinstance(type_, GraphQLEnumType):
        problem = _enum_problem(value, type_)
        if problem:
            yield path, value, problem
    else:
        problem = _scalar_problem(value, type_)
        if problem:
            yield path, value, problem
        elif _nul_in_scalar(value, type_):
            yield path, _NOT_SHOWN, NUL_MESSAGE


def _input_object_problems(
    value: Any, type_: GraphQLInputObjectType, path: Path
) -> Iterator[tuple[Path, Any, str]]:
    if not isinstance(value, dict):
        yield path, value, f'Expected an object of type "{type_}".'
        return
    for field_name, field in type_.fields.items():
        if field_name in value:
            yield from _problems(value[field_name], field.type, (*path, field_name))
        elif isinstance(field.type, GraphQLNonNull):
            # graphql-core 2 requires a non-null field even where it has a default.
            yield (
                path,
                value,
                f'Field "{field_name}" of required type "{field.type}" was not '
                "provided.",
            )
    for field_name in value:
        if field_name not in type_.fields:
            yield path, value, f'Field "{field_name}" is not defined by type "{type_}".'


def _enum_problem(value: Any, type_: GraphQLEnumType) -> str | None:
    if not isinstance(value, str):
        return f"{type_} cannot represent a non-string value."
    if type_.parse_value(value) is None:
        return f'Value "{value}" does not exist in "{type_}" enum.'
    return None


def _scalar_problem(value: Any, type_: GraphQLScalarType) -> str | None:
    builtin = _BUILTIN_SCALARS.get(type_.name)
    if builtin is not None:
        return builtin(value)
    # The schema's own scalars raise GraphQLError for a value they cannot read
    # (core/scalars.py); graphene's DateTime returns None.
    try:
        parsed = type_.parse_value(value)
    except GraphQLError as error:
        return error.message
    if parsed is None:
        return f"{type_} cannot represent this value."
    return None


def _nul_in_scalar(value: Any, type_: GraphQLScalarType) -> bool:
    """Whether a value its scalar accepts holds a NUL: in the value as sent, or, for
    the schema's own scalars, in what they read from it (a JSON text's `\\u0000`)."""
    if contains_nul(value):
        return True
    if type_.name in _BUILTIN_SCALARS:
        return False
    return contains_nul(type_.parse_value(value))


def _int_problem(value: Any) -> str | None:
    if not isinstance(value, int) or isinstance(value, bool):
        return "Int cannot represent a non-integer value."
    if not MIN_INT <= value <= MAX_INT:
        return "Int cannot represent a non 32-bit signed integer value."
    return None


def _float_problem(value: Any) -> str | None:
    if not isinstance(value, int | float) or isinstance(value, bool):
        return "Float cannot represent a non-numeric value."
    try:
        finite = math.isfinite(value)
    except OverflowError:  # an integer too large for a double
        finite = False
    if not finite:
        return "Float cannot represent an infinite or NaN value."
    return None


def _string_problem(value: Any) -> str | None:
    return (
        None
        if isinstance(value, str)
        else "String cannot represent a non-string value."
    )


def _boolean_problem(value: Any) -> str | None:
    return (
        None
        if isinstance(value, bool)
        else "Boolean cannot represent a non-boolean value."
    )


def _id_problem(value: Any) -> str | None:
    if isinstance(value, str) or (
        isinstance(value, int) and not isinstance(value, bool)
    ):
        return None
    return "ID cannot represent a value that is not a string or an integer."


_BUILTIN_SCALARS = {
    "Int": _int_problem,
    "Float": _float_problem,
    "String": _string_problem,
    "Boolean": _boolean_problem,
    "ID": _id_problem,
}


def show_path(path: Path) -> str:
    """`input.lines[0].quantity`: a place in a value, from its name down."""
    name, *rest = path
    return str(name) + "".join(
        f"[{part}]" if isinstance(part, int) else f".{part}" for part in rest
    )


def _show(value: Any) -> str:
    """The value as JSON, shortened; a file (multipart) as <file>."""
    shown = json.dumps(value, ensure_ascii=False, default=lambda _: "<file>")
    if len(shown) > _SHOWN_VALUE_LENGTH:
        return shown[: _SHOWN_VALUE_LENGTH - 1] + "…"
    return shown
