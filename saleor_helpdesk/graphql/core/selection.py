"""What a request selects below a field, read from the document (for loading a page's
relations before its rows are resolved)."""

from collections.abc import Iterable
from typing import Any

from graphql.language import ast


def node_fields(info: Any) -> set[str]:
    """The names (as written in the schema: `lastComment`) of the fields selected on
    `node` below the connection field `edges` that `info` resolves, through fragments
    too. A field under a directive (`@include`, `@skip`) is left out: whether it runs
    depends on the variables, so it is not worth loading ahead."""
    names: set[str] = set()
    for edges in info.field_asts:
        for node in _fields(edges.selection_set, info.fragments):
            if node.name.value == "node" and not node.directives:
                names.update(
                    field.name.value
                    for field in _fields(node.selection_set, info.fragments)
                    if not field.directives
                )
    return names


def _fields(
    selection_set: ast.SelectionSet | None, fragments: dict[str, Any]
) -> Iterable[ast.Field]:
    if selection_set is None:
        return
    seen: set[str] = set()
    pending = list(selection_set.selections)
    while pending:
        selection = pending.pop()
        if isinstance(selection, ast.Field):
            yield selection
        elif selection.directives:
            continue
        elif isinstance(selection, ast.InlineFragment):
            pending.extend(selection.selection_set.selections)
        elif isinstance(selection, ast.FragmentSpread):
            name = selection.name.value
            # Validation refuses cycles; `seen` keeps even a repeated spread cheap.
            if name not in seen and name in fragments:
                seen.add(name)
                pending.extend(fragments[name].selection_set.selections)
