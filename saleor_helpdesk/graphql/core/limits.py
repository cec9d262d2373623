"""The request limits, applied before anything runs (and so before authentication and
any database query): Saleor's (one operation per request, at most 100 aliases, a query
cost where a paginated field multiplies the cost of what it selects, `first`/`last` of at
most 100), and the bounds that keep every request's server time short.

graphql-core 2's parser and several of its validation rules recurse, and its rule for
overlapping fields compares every pair of fields with the same name, so a small document
can hold a worker for seconds or end in a `RecursionError`. The checks come in three
steps, each linear in the request and none recursive:

1. `check_text`, on the query's text before it is parsed: its length, its number of
   tokens and how deep its brackets nest.
2. `check_limits`, on the parsed document before it is validated: one operation; no
   fragment that spreads itself (through others); and, counting every fragment where it
   is spread, the number of fields, of aliases, the nesting and the cost. Each
   fragment is measured once, after the fragments it spreads (a fragment's measures do
   not depend on where it is spread: its depth is added to the depth of the place), so
   a fragment spread twice by each of its 22 predecessors costs 22 measurements, not
   2**22; a fragment beyond a limit ends the check at once.
3. `check_pagination_arguments`, on the validated document.

The limits sit far above every operation the storefront and the Dashboard send
(`graphql/storefront/`, `graphql/dashboard/`; `tests/graphql/test_hostile_requests.py`
checks that each stays under a third of every limit).
"""

import re
from collections import deque
from dataclasses import dataclass
from typing import Any

from graphql import GraphQLError
from graphql.language import ast
from graphql.language.visitor import TypeInfoVisitor, Visitor, visit
from graphql.type.definition import get_named_type
from graphql.utils.type_info import TypeInfo

from .connection import check_page_size, check_pagination
from .variables import MAX_INT

MAX_QUERY_LENGTH = 100_000  # characters of query text
MAX_TOKENS = 3_000  # names, numbers, strings and punctuation of the query text
MAX_NUMBER_LENGTH = 30  # digits of a number written in the query
MAX_NESTING = 40  # brackets of the text; selections (fields, fragments) in each other
MAX_DEPTH = 20  # fields selected in each other (Saleor's limit)
MAX_SELECTIONS = 500  # fields, counting each fragment every time it is spread
MAX_ALIASES = 100
MAX_COST = 50_000
MAX_ARGUMENTS = 20  # on one field or directive
MAX_DIRECTIVES = 10  # on one field, fragment or operation
MAX_VARIABLES = 50  # declared by the operation
MAX_REPRESENTATIONS = 100  # entities one `_entities` resolves
MAX_JSON_DEPTH = 32  # lists and objects in each other, in the request's JSON
MAX_JSON_VALUES = 10_000  # values (items, members) in the request's JSON
# Brackets and commas in the JSON text, counted before it is decoded: decoding
# 800,000 empty lists takes as long as everything else together. Text may hold them
# too, but no request the API accepts comes near (a message has at most 50,000
# characters).
MAX_JSON_SEPARATORS = 20 * MAX_JSON_VALUES
DEFAULT_PAGE = 100

ENTITIES_FIELD = "_entities"


class LimitError(Exception):
    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


# Strings (with their escapes) and comments, which may hold any character; what is
# left of the text is names, numbers and punctuation.
_STRING_OR_COMMENT = re.compile(r'"(?:[^"\\\n\r]|\\.)*"|#[^\n\r]*')
_TOKEN = re.compile(r"[_A-Za-z][_0-9A-Za-z]*|[-0-9][-+.0-9eE]*|\.\.\.|[^\s,\ufeff]")
_NOT_BRACKET = re.compile(r"[^(){}\[\]]+")
# Digits that do not continue a name: a number, or the fraction of one.
_LONG_NUMBER = re.compile(rf"(?<![_0-9A-Za-z])[0-9]{{{MAX_NUMBER_LENGTH + 1}}}")
_OPENING = frozenset("({[")


def check_json_text(text: str, what: str) -> None:
    """A bound on the work of decoding a JSON text: each value the decoder creates
    comes after a bracket or a comma."""
    separators = text.count("[") + text.count("{") + text.count(",")
    if separators > MAX_JSON_SEPARATORS:
        raise LimitError(
            f"`{what}` has {separators} brackets and commas; at most "
            f"{MAX_JSON_SEPARATORS} are read.",
            "too_many_values",
        )


def check_json(value: Any, what: str) -> None:
    """Bounds on a JSON value of the request (the body, or a multipart request's
    `operations` and `map`), so that the checks that walk the variables, and the
    resolvers, have little to walk. Level by level, without recursion."""
    level = [value]
    depth = count = 0
    while level:
        count += len(level)
        if count > MAX_JSON_VALUES:
            raise LimitError(
                f"`{what}` holds more than {MAX_JSON_VALUES} JSON values.",
                "too_many_values",
            )
        inner: list[Any] = []
        for item in level:
            if isinstance(item, list):
                inner.extend(item)
            elif isinstance(item, dict):
                inner.extend(item.values())
        if inner:
            depth += 1
            if depth > MAX_JSON_DEPTH:
                raise LimitError(
                    f"`{what}` nests lists and objects deeper than {MAX_JSON_DEPTH} "
                    "levels.",
                    "json_depth",
                )
        level = inner


@dataclass
class TextMeasure:
    tokens: int
    nesting: int  # brackets in brackets


def check_text(query: str) -> TextMeasure:
    """Bounds on the query's text, so that parsing and validating it is quick and
    cannot exhaust the stack (graphql-core 2's parser recurses once per bracket, and
    validation takes about as long per token as parsing); returns the measures."""
    if len(query) > MAX_QUERY_LENGTH:
        raise LimitError(
            f"The query is {len(query)} characters long; at most {MAX_QUERY_LENGTH} "
            "are allowed (send long text in variables).",
            "query_too_long",
        )
    text = _STRING_OR_COMMENT.sub(lambda m: '"' if m[0][0] == '"' else " ", query)
    tokens = sum(1 for _ in _TOKEN.finditer(text))
    if tokens > MAX_TOKENS:
        raise LimitError(
            f"The query has {tokens} tokens; at most {MAX_TOKENS} are allowed.",
            "too_many_tokens",
        )
    if _LONG_NUMBER.search(text):
        # Python reads a long integer in quadratic time and refuses one of more
        # than 4,300 digits (graphql-core's Int does read it).
        raise LimitError(
            f"A number in the query has more than {MAX_NUMBER_LENGTH} digits.",
            "number_too_long",
        )
    depth = deepest = 0
    for bracket in _NOT_BRACKET.sub("", text):
        depth = depth + 1 if bracket in _OPENING else depth - 1
        deepest = max(deepest, depth)
        if depth > MAX_NESTING:
            raise LimitError(
                f"The query nests brackets deeper than {MAX_NESTING} levels.",
                "query_depth",
            )
    return TextMeasure(tokens=tokens, nesting=deepest)


@dataclass
class Measure:
    """What a selection set selects, each fragment counted where it is spread."""

    fields: int = 0
    aliases: int = 0
    cost: int = 0
    depth: int = 0  # fields in fields: `{ a { b } }` is 1
    nesting: int = 0  # selection sets in selection sets, through fragments too


def check_limits(document: ast.Document, variables: dict[str, Any]) -> Measure:
    """The document's limits, checked before validation; raises LimitError, else
    returns the operation's measures."""
    operations = [
        d for d in document.definitions if isinstance(d, ast.OperationDefinition)
    ]
    if len(operations) != 1:
        raise LimitError("Send exactly one operation per request.", "operation_count")
    (operation,) = operations
    declared = len(operation.variable_definitions or [])
    if declared > MAX_VARIABLES:
        raise LimitError(
            f"The operation declares {declared} variables; at most {MAX_VARIABLES} "
            "are allowed.",
            "too_many_variables",
        )
    _check_directives(operation)
    fragments: dict[str, ast.FragmentDefinition] = {}
    duplicates = []
    for definition in document.definitions:
        if isinstance(definition, ast.FragmentDefinition):
            _check_directives(definition)
            if definition.name.value in fragments:
                duplicates.append(definition)
            else:
                fragments[definition.name.value] = definition
    measured: dict[str, Measure] = {}
    for name in _dependency_order(fragments):
        measure = _measure(fragments[name].selection_set, measured, variables)
        _check(measure)
        measured[name] = measure
    total = _measure(operation.selection_set, measured, variables)
    # An unused fragment, or a second one of the same name, is an error validation
    # reports, but validation looks at it first: its fields count as well.
    for name in fragments.keys() - _spread_from(operation.selection_set, fragments):
        total.fields += measured[name].fields
    for duplicate in duplicates:
        total.fields += _measure(duplicate.selection_set, measured, variables).fields
        _check(total)
    _check(total)
    _check_representations(operation, variables)
    return total


def _check(measure: Measure) -> None:
    if measure.nesting > MAX_NESTING:
        raise LimitError(
            f"The query nests selections deeper than {MAX_NESTING} levels.",
            "query_depth",
        )
    if measure.depth > MAX_DEPTH:
        raise LimitError(
            f"The query is nested deeper than {MAX_DEPTH} levels.", "query_depth"
        )
    if measure.fields > MAX_SELECTIONS:
        raise LimitError(
            f"The query selects more than {MAX_SELECTIONS} fields (fragments counted "
            "each time they are spread).",
            "too_many_selections",
        )
    if measure.aliases > MAX_ALIASES:
        raise LimitError(
            f"The query uses {measure.aliases} aliases; at most {MAX_ALIASES} are "
            "allowed.",
            "too_many_aliases",
        )
    if measure.cost > MAX_COST:
        raise LimitError(
            f"The query costs {measure.cost}; the limit is {MAX_COST}.", "query_cost"
        )


def _selection_sets(root: ast.SelectionSet) -> list[ast.SelectionSet]:
    """`root` and the selection sets written inside it, each after those inside it."""
    order: list[ast.SelectionSet] = []
    stack = [root]
    while stack:
        selection_set = stack.pop()
        order.append(selection_set)
        for selection in selection_set.selections:
            inner = getattr(selection, "selection_set", None)
            if inner is not None:
                stack.append(inner)
    order.reverse()
    return order


def _spreads(selection_set: ast.SelectionSet) -> set[str]:
    """The fragments spread directly in `selection_set` or its inner selection sets."""
    return {
        selection.name.value
        for inner in _selection_sets(selection_set)
        for selection in inner.selections
        if isinstance(selection, ast.FragmentSpread)
    }


def _spread_from(
    selection_set: ast.SelectionSet, fragments: dict[str, ast.FragmentDefinition]
) -> set[str]:
    """Every fragment `selection_set` reaches, through other fragments too."""
    reached: set[str] = set()
    pending = [selection_set]
    while pending:
        for name in _spreads(pending.pop()):
            if name in fragments and name not in reached:
                reached.add(name)
                pending.append(fragments[name].selection_set)
    return reached


def _dependency_order(fragments: dict[str, ast.FragmentDefinition]) -> list[str]:
    """The fragments, each after those it spreads; LimitError for a cycle (which
    graphql-core's validator would follow by recursion)."""
    needs = {
        name: _spreads(definition.selection_set) & fragments.keys()
        for name, definition in fragments.items()
    }
    needed_by: dict[str, list[str]] = {name: [] for name in fragments}
    for name, spread in needs.items():
        for other in spread:
            needed_by[other].append(name)
    waiting = {name: len(spread) for name, spread in needs.items()}
    ready = deque(name for name, count in waiting.items() if count == 0)
    order = []
    while ready:
        name = ready.popleft()
        order.append(name)
        for other in needed_by[name]:
            waiting[other] -= 1
            if waiting[other] == 0:
                ready.append(other)
    if len(order) < len(fragments):
        raise LimitError(_cycle_message(needs, set(order)), "fragment_cycle")
    return order


def _cycle_message(needs: dict[str, set[str]], acyclic: set[str]) -> str:
    """graphql-core's message for one of the cycles among the fragments not ordered."""
    # Every fragment left spreads one that is left too; following them must come
    # back to one already seen.
    name = min(needs.keys() - acyclic)
    path: list[str] = []
    while name not in path:
        path.append(name)
        name = min(needs[name] - acyclic)
    cycle = path[path.index(name) :]
    via = f" via {', '.join(cycle[1:])}" if len(cycle) > 1 else ""
    return f'Cannot spread fragment "{cycle[0]}" within itself{via}.'


def _measure(
    root: ast.SelectionSet,
    fragments: dict[str, Measure],
    variables: dict[str, Any],
) -> Measure:
    """The measures of `root`, given those of the fragments it spreads (unknown
    fragments count nothing: validation reports them)."""
    done: dict[int, Measure] = {}
    for selection_set in _selection_sets(root):
        measure = Measure()
        for selection in selection_set.selections:
            _check_node(selection)
            if isinstance(selection, ast.Field):
                inner = (
                    done[id(selection.selection_set)]
                    if selection.selection_set is not None
                    else None
                )
                measure.fields += 1
                measure.aliases += selection.alias is not None
                if inner is None:
                    measure.cost += 1
                    continue
                measure.fields += inner.fields
                measure.aliases += inner.aliases
                measure.cost += 1 + inner.cost * _multiplier(selection, variables)
                measure.depth = max(measure.depth, inner.depth + 1)
                measure.nesting = max(measure.nesting, inner.nesting + 1)
            else:
                if isinstance(selection, ast.InlineFragment):
                    inner = done[id(selection.selection_set)]
                else:
                    inner = fragments.get(selection.name.value, Measure())
                measure.fields += inner.fields
                measure.aliases += inner.aliases
                measure.cost += inner.cost
                measure.depth = max(measure.depth, inner.depth)
                measure.nesting = max(measure.nesting, inner.nesting + 1)
        _check(measure)  # a part beyond a limit ends the check: the whole is too
        done[id(selection_set)] = measure
    return done[id(root)]


def _check_node(selection: Any) -> None:
    arguments = getattr(selection, "arguments", None) or []
    if len(arguments) > MAX_ARGUMENTS:
        raise LimitError(
            f"A field has {len(arguments)} arguments; at most {MAX_ARGUMENTS} are "
            "allowed.",
            "too_many_arguments",
        )
    _check_directives(selection)


def _check_directives(node: Any) -> None:
    directives = node.directives or []
    if len(directives) > MAX_DIRECTIVES:
        raise LimitError(
            f"{len(directives)} directives on one place; at most {MAX_DIRECTIVES} are "
            "allowed.",
            "too_many_directives",
        )
    for directive in directives:
        if len(directive.arguments or []) > MAX_ARGUMENTS:
            raise LimitError(
                f"A directive has {len(directive.arguments)} arguments; at most "
                f"{MAX_ARGUMENTS} are allowed.",
                "too_many_arguments",
            )


def _multiplier(field: ast.Field, variables: dict[str, Any]) -> int:
    """How many times a field's selection counts: its page size, if it has one."""
    size = _argument(field, "first", variables) or _argument(field, "last", variables)
    if size is None and any(
        a.name.value in ("first", "last") for a in field.arguments or []
    ):
        size = DEFAULT_PAGE
    return size if _is_page_size(size) else 1


def _check_representations(
    operation: ast.OperationDefinition, variables: dict[str, Any]
) -> None:
    """At most MAX_REPRESENTATIONS entities per `_entities` (a root field)."""
    defaults = {
        definition.variable.name.value: definition.default_value
        for definition in operation.variable_definitions or []
    }
    for selection in operation.selection_set.selections:
        if not (
            isinstance(selection, ast.Field) and selection.name.value == ENTITIES_FIELD
        ):
            continue
        for argument in selection.arguments or []:
            value = argument.value
            if isinstance(value, ast.Variable):
                name = value.name.value
                value = variables[name] if name in variables else defaults.get(name)
            if isinstance(value, ast.ListValue):
                value = value.values
            if isinstance(value, list) and len(value) > MAX_REPRESENTATIONS:
                raise LimitError(
                    representations_message(len(value)), "too_many_representations"
                )


def representations_message(count: int) -> str:
    return (
        f"`_entities` got {count} representations; at most {MAX_REPRESENTATIONS} "
        "are allowed per request."
    )


def _argument(field: ast.Field, name: str, variables: dict[str, Any]) -> Any:
    for argument in field.arguments or []:
        if argument.name.value != name:
            continue
        value = argument.value
        if isinstance(value, ast.Variable):
            return variables.get(value.name.value)
        # A literal longer than any 32-bit Int is not a page size; Python would take
        # time (or refuse, past 4,300 digits) to read it.
        if isinstance(value, ast.IntValue) and len(value.value) <= 11:
            return int(value.value)
    return None


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
