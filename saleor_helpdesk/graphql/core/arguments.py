"""Arguments given as null, told apart from arguments not given.

graphql-core 2 leaves an argument out of a resolver's keyword arguments both when the
query does not name it and when a variable gives it the value null (graphql-core 2
parses no `null` literal, and keeps no null variable in `info.variable_values`: the
view hands the variables as sent to the context). Where null means something ("keep for ever" instead of "the saved
value"), a resolver asks here which of its arguments were given as null.
"""

from typing import Any

from graphql.language import ast


def arguments_given_as_null(info: Any) -> set[str]:
    """The names (as in the query, camelCase) of the field's arguments whose variable
    was sent with the value null. A variable the request leaves out, with no default,
    gives nothing (the spec: the argument is not given)."""
    variables = getattr(info.context, "variables", None) or {}
    found = set()
    for argument in info.field_asts[0].arguments or []:
        value = argument.value
        if isinstance(value, ast.Variable):
            name = value.name.value
            if name in variables and variables[name] is None:
                found.add(argument.name.value)
    return found
