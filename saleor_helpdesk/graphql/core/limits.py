"""Saleor's request limits, applied to the parsed document before anything runs (and so
before any database query): one operation per request, at most 100 aliases, and a query
cost limit where a paginated field multiplies the cost of what it selects."""

from typing import Any

from graphql import GraphQLError
from graphql.language import ast
from graphql.language.visitor import TypeInfoVisitor, Visitor, visit
from graphql.type.definition import get_named_type
from graphql.utils.type_info import TypeInfo

from .connection import check_page_size, check_pagination
from .variables import MAX_INT

MAX_ALIASES = 100
MAX_COST = 50_000
MAX_DEPTH = 20
DEFAULT_PAGE = 100


class LimitError(Exception):
    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


def check_limits(document: ast.Document, variables: dict[str, Any]) -> None:
    operations = [
        d for d in document.definitions if isinstance(d, ast.OperationDefinition)
    ]
    if len(operations) != 1:
        raise LimitError("Send exactly one operation per request.", "operation_count")
    fragments = {
        d.name.value: d
        for d in document.definitions
        if isinstance(d, ast.FragmentDefinition)
    }
    counter = {"aliases": 0}
    cost = _cost(operations[0].selection_set, fragments, variables, counter, 0, set())
    if counter["aliases"] > MAX_ALIASES:
        raise LimitError(
            f"The query uses {counter['aliases']} aliases; at most {MAX_ALIASES} are "
            "allowed.",
            "too_many_aliases",
        )
    if cost > MAX_COST:
        raise LimitError(
            f"The query costs {cost}; the limit is {MAX_COST}.", "query_cost"
        )


def _argument(field: ast.Field, name: str, variables: dict[str, Any]) -> Any:
    for argument in field.arguments or []:
        if argument.name.value != name:
            continue
        value = argument.value
        if isinstance(value, ast.Variable):
            return variables.get(value.name.value)
        if isinstance(value, ast.IntValue):
            return int(value.value)
    return None


def _cost(
    selection_set: ast.SelectionSet | None,
    fragments: dict[str, ast.FragmentDefinition],
    variables: dict[str, Any],
    counter: dict[str, int],
    depth: int,
    seen: set[str],
) -> int:
    if selection_set is None:
        return 0
    if depth > MAX_DEPTH:
        raise LimitError(
            f"The query is nested deeper than {MAX_DEPTH} levels.", "query_depth"
        )
    total = 0
    for selection in selection_set.selections:
        if isinstance(selection, ast.Field):
            if selection.alias is not None:
                counter["aliases"] += 1
            inner = _cost(
                selection.selection_set, fragments, variables, counter, depth + 1, seen
            )
            size = _argument(selection, "first", variables) or _argument(
                selection, "last", variables
            )
            if size is None and (
                any(
                    a.name.value in ("first", "last") for a in selection.arguments or []
                )
            ):
                size = DEFAULT_PAGE
            total += 1 + inner * (size if _is_page_size(size) else 1)
        elif isinstance(selection, ast.InlineFragment):
            total += _cost(
                selection.selection_set, fragments, variables, counter, depth, seen
            )
        elif isinstance(selection, ast.FragmentSpread):
            name = selection.name.value
            if name in seen or name not in fragments:
                continue  # cycles and unknown fragments are the validator's to report
            total += _cost(
                fragments[name].selection_set,
                fragments,
                variables,
                counter,
                depth,
                seen | {name},
            )
    return total


def _is_page_size(size: Any) -> bool:
    """A size the request may run with. Anything else (not an Int, or outside 32 bits)
    counts as one here: validation or the variables' check refuses it next, naming
    what is wrong, instead of a query cost it was never going to have."""
    return isinstance(size, int) and not isinstance(size, bool) and 0 < size <= MAX_INT


class _PaginationVisitor(Visitor):
    def __init__(self, type_info: TypeInfo, variables: dict[str, Any]) -> None:
        self.type_info = type_info
        self.variables = variables
        self.problems: list[str] = []

    def enter_Field(self, node: ast.Field, *args: Any) -> None:
        field_type = self.type_info.get_type()
        named = get_named_type(field_type) if field_type is not None else None
        if named is None:
            return
        first = _argument(node, "first", self.variables)
        try:
            if getattr(named, "name", "").endswith("Connection"):
                check_pagination(first, _argument(node, "last", self.variables))
            elif "first" in getattr(self.type_info.get_field_def(), "args", {}):
                # A plain list with a page size (`supportAgentCandidates(first:)`).
                check_page_size("first", first)
        except GraphQLError as error:
            self.problems.append(error.message)


def check_pagination_arguments(
    schema: Any, document: ast.Document, variables: dict[str, Any]
) -> None:
    """Saleor's pagination rules for every connection (and every list with a `first`
    argument) in the document, checked on the validated document so the answer comes
    before any database query."""
    type_info = TypeInfo(schema)
    visitor = _PaginationVisitor(type_info, variables)
    visit(document, TypeInfoVisitor(type_info, visitor))
    if visitor.problems:
        raise LimitError(visitor.problems[0], "pagination")
