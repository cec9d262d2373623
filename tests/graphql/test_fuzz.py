"""Property-based tests of the GraphQL endpoint (hypothesis): documents and variables
generated from the committed schema (random fields, arguments, aliases, directives,
fragments, values of the right and of the wrong type), and hostile shapes (deep, wide,
cyclic, fragment fan-out, huge strings, deep JSON, broken multipart), posted to the real
view. Whatever arrives, the answer is data or a 400, never a server error; it comes
within a generous bound (the strict one-second bound is `./bin/benchmark --hostile`'s);
and a refused request sends no SQL.

Deterministic (`derandomize=True`, no example database), so CI sees the same examples
on every run. `HELPDESK_FUZZ_EXAMPLES=5000 HELPDESK_FUZZ_RANDOM=1 ./bin/test
tests/graphql/test_fuzz.py` searches further, with new examples each run (a find
becomes a fixed test elsewhere, as the DateTime "T" of `test_bad_variables.py` did)."""

import json
import os
import string
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphql.type import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLUnionType,
)
from saleor_helpdesk.graphql.schema import schema
from tests.graphql import hostile
from tests.graphql.conftest import URL

GENEROUS_SECONDS = 10.0

EXAMPLES = int(os.environ.get("HELPDESK_FUZZ_EXAMPLES", "200"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not os.environ.get("HELPDESK_FUZZ_RANDOM"),
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)

NAMES = st.text(string.ascii_letters + "_", min_size=1, max_size=8)
JSON_LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**40), 2**40),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
)
JSON_VALUES = st.recursive(
    JSON_LEAVES,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(NAMES, inner, max_size=4)
    ),
    max_leaves=20,
)


def _unwrap(type_: Any) -> Any:
    while isinstance(type_, GraphQLNonNull | GraphQLList):
        type_ = type_.of_type
    return type_


def _type_text(type_: Any) -> str:
    if isinstance(type_, GraphQLNonNull):
        return _type_text(type_.of_type) + "!"
    if isinstance(type_, GraphQLList):
        return f"[{_type_text(type_.of_type)}]"
    return type_.name


def _string_literal(text: str) -> str:
    return json.dumps(text)  # a JSON string is a GraphQL string


@st.composite
def literal(draw: Any, type_: Any, depth: int = 0) -> str:
    """A value written into the query for `type_`: mostly fitting, sometimes not."""
    if draw(st.integers(0, 7)) == 0:
        return draw(
            st.sampled_from(
                ["null", "1", "-7", "1.5", '"x"', "true", "[]", "{}", "RED", "[[1]]"]
            )
        )
    nullable = not isinstance(type_, GraphQLNonNull)
    if isinstance(type_, GraphQLNonNull):
        type_ = type_.of_type
    if nullable and draw(st.integers(0, 9)) == 0:
        return "null"
    if isinstance(type_, GraphQLList):
        if depth > 3:
            return "[]"
        items = draw(st.lists(literal(type_.of_type, depth + 1), max_size=3))
        return "[" + " ".join(items) + "]"
    if isinstance(type_, GraphQLInputObjectType):
        if depth > 3:
            return "{}"
        names = draw(
            st.lists(st.sampled_from(sorted(type_.fields)), max_size=4, unique=True)
        )
        required = [
            name
            for name, field in type_.fields.items()
            if isinstance(field.type, GraphQLNonNull)
        ]
        fields = [
            f"{name}: {draw(literal(type_.fields[name].type, depth + 1))}"
            for name in dict.fromkeys(required + names)
        ]
        return "{" + " ".join(fields) + "}"
    if isinstance(type_, GraphQLEnumType):
        return draw(st.sampled_from([value.name for value in type_.values]))
    name = getattr(type_, "name", "")
    if name == "Int":
        return str(draw(st.integers(-5, 150)))
    if name == "Float":
        return repr(draw(st.floats(-1e6, 1e6, allow_nan=False)))
    if name == "Boolean":
        return draw(st.sampled_from(["true", "false"]))
    return _string_literal(
        draw(
            st.one_of(
                st.text(max_size=12),
                st.sampled_from(
                    [
                        "VGlja2V0OjE=",  # Ticket:1
                        "T3JkZXI6MQ==",  # Order:1
                        "2025-03-01T09:30:00+01:00",
                        "12.50",
                        "{}",
                        "00000000-0000-0000-0000-000000000000",
                    ]
                ),
            )
        )
    )


class _Document:
    """What a document being drawn declares: its variables and fragments."""

    def __init__(self) -> None:
        self.variables: list[str] = []
        self.values: dict[str, Any] = {}
        self.fragments: list[str] = []


@st.composite
def arguments(draw: Any, field: Any, document: _Document) -> str:
    names = sorted(field.args)
    if not names:
        return ""
    required = [n for n in names if isinstance(field.args[n].type, GraphQLNonNull)]
    chosen = list(
        dict.fromkeys(
            required
            + draw(st.lists(st.sampled_from(names), max_size=len(names), unique=True))
        )
    )
    if "first" in names and "last" not in chosen and draw(st.booleans()):
        chosen.append("first")
    parts = []
    for name in chosen:
        type_ = field.args[name].type
        if draw(st.integers(0, 3)) == 0:
            variable = f"v{len(document.variables)}"
            document.variables.append(f"${variable}: {_type_text(type_)}")
            if draw(st.booleans()):
                document.values[variable] = draw(JSON_VALUES)
            parts.append(f"{name}: ${variable}")
        else:
            parts.append(f"{name}: {draw(literal(type_))}")
    return "(" + ", ".join(parts) + ")" if parts else ""


@st.composite
def selection_set(draw: Any, type_: Any, document: _Document, depth: int) -> str:
    """A selection set on `type_` (an object, interface or union type)."""
    selections = ["__typename"]
    if isinstance(type_, GraphQLUnionType):
        for member in draw(st.lists(st.sampled_from(type_.types), max_size=2)):
            inner = draw(selection_set(member, document, depth + 1))
            selections.append(f"... on {member.name} {inner}")
        return "{ " + " ".join(selections) + " }"
    fields = type_.fields
    for name in draw(st.lists(st.sampled_from(sorted(fields)), max_size=4)):
        field = fields[name]
        named = _unwrap(field.type)
        text = name
        if draw(st.integers(0, 5)) == 0:
            text = f"{draw(NAMES)}: {text}"
        text += draw(arguments(field, document))
        if draw(st.integers(0, 9)) == 0:
            text += f" @include(if: {draw(st.sampled_from(['true', 'false']))})"
        if isinstance(
            named, GraphQLObjectType | GraphQLInterfaceType | GraphQLUnionType
        ):
            if depth > 4:
                text += " { __typename }"
            elif draw(st.integers(0, 5)) == 0:
                fragment = f"F{len(document.fragments)}"
                document.fragments.append("")  # reserve the name
                inner = draw(selection_set(named, document, depth + 1))
                document.fragments[int(fragment[1:])] = (
                    f"fragment {fragment} on {named.name} {inner}"
                )
                text += f" {{ ...{fragment} }}"
            else:
                text += " " + draw(selection_set(named, document, depth + 1))
        selections.append(text)
    return "{ " + " ".join(selections) + " }"


@st.composite
def schema_requests(draw: Any) -> dict[str, Any]:
    """A query or mutation drawn from the schema, with variables."""
    document = _Document()
    root = draw(st.sampled_from([schema.get_query_type(), schema.get_mutation_type()]))
    body = draw(selection_set(root, document, 0))
    keyword = "mutation" if root is schema.get_mutation_type() else "query"
    declared = f"({', '.join(document.variables)})" if document.variables else ""
    query = " ".join([f"{keyword} Fuzz{declared} {body}", *document.fragments])
    return {"query": query, "variables": document.values}


def _deep_json(levels: int) -> str:
    return (
        '{"query": "{ __typename }", "variables": {"a": '
        + ("[" * levels + "]" * levels)
        + "}}"
    )


HOSTILE = st.one_of(
    st.integers(1, 400).map(lambda n: {"query": hostile.nested_fields(n)}),
    st.integers(1, 400).map(lambda n: {"query": hostile.nested_inline_fragments(n)}),
    st.integers(1, 400).map(lambda n: {"query": hostile.nested_list_literal(n)}),
    st.integers(1, 400).map(lambda n: {"query": hostile.nested_object_literal(n)}),
    st.integers(1, 5_000).map(lambda n: {"query": hostile.same_name_fields(n)}),
    st.integers(1, 40).map(lambda n: {"query": hostile.fragment_fan_out(n)}),
    st.integers(1, 400).map(lambda n: {"query": hostile.fragment_cycle(n)}),
    st.integers(1, 400).map(lambda n: {"query": hostile.fragment_chain(n)}),
    st.tuples(st.integers(1, 40), st.integers(1, 40)).map(
        lambda shape: {"query": hostile.same_name_nested(*shape)}
    ),
    st.integers(0, 2_000_000).map(
        lambda n: {
            "query": "query($s: String) "
            "{ tickets(first: 1, filter: {search: $s}) { totalCount } }",
            "variables": {"s": "x" * n},
        }
    ),
    st.integers(0, 200_000).map(
        lambda n: {
            "query": '{ tickets(first: 1, filter: {search: "'
            + "x" * n
            + '"}) { totalCount } }'
        }
    ),
    st.integers(1, 200_000).map(_deep_json),
    st.integers(1, 20_000).map(
        lambda n: {"query": "{ tickets(first: " + "9" * n + ") { totalCount } }"}
    ),
    st.integers(0, 300).map(
        lambda n: {
            "query": hostile.ENTITIES,
            "variables": {"r": [{"__typename": "Order", "id": "T3JkZXI6MQ=="}] * n},
        }
    ),
    st.binary(max_size=200),
    JSON_VALUES,
)


@st.composite
def broken_multipart(draw: Any) -> hostile.Shape:
    """An upload whose `map` may point anywhere (or be anything)."""
    variables = draw(
        st.one_of(
            JSON_VALUES,
            st.just({"input": {"subject": "s", "body": "b", "attachments": [None]}}),
        )
    )
    segments = st.one_of(
        st.sampled_from(["variables", "input", "attachments", "0", "1", "-1", ""]),
        NAMES,
    )
    path = st.one_of(
        st.lists(segments, min_size=1, max_size=5).map(".".join), JSON_LEAVES
    )
    files_map = draw(
        st.one_of(
            st.dictionaries(
                st.sampled_from(["0", "1"]),
                st.one_of(st.lists(path, max_size=3), path),
                max_size=2,
            ),
            JSON_VALUES,
        )
    )
    return hostile.Shape(
        "broken multipart",
        "",
        multipart={
            "operations": json.dumps({"query": hostile.UPLOAD, "variables": variables}),
            "map": json.dumps(files_map),
        },
        files={"0": b"\x89PNG\r\n"},
    )


def _post(shape: hostile.Shape, routing_queries: int) -> None:
    client = Client(raise_request_exception=False)
    with CaptureQueriesContext(connection) as captured:
        response, seconds = hostile.post(client, URL, shape)
    assert response.status_code in (200, 400), response.content[:500]
    assert response["Content-Type"] == "application/json"
    assert seconds < GENEROUS_SECONDS, shape.data()[:200]
    body = response.json()
    if response.status_code == 400:
        assert body["errors"][0]["message"]
        assert len(captured.captured_queries) == routing_queries, (
            body,
            [q["sql"] for q in captured.captured_queries],
        )
    else:
        assert "data" in body


@pytest.mark.django_db
@FUZZ
@given(operation=schema_requests())
def test_documents_from_the_schema_get_data_or_a_400(routing_queries, operation):
    _post(hostile.Shape("schema", operation), routing_queries)


@pytest.mark.django_db
@FUZZ
@given(body=HOSTILE)
def test_hostile_shapes_get_data_or_a_400(routing_queries, body):
    _post(hostile.Shape("hostile", body), routing_queries)


@pytest.mark.django_db
@settings(FUZZ, max_examples=max(1, EXAMPLES // 2))
@given(shape=broken_multipart())
def test_broken_multipart_requests_get_data_or_a_400(routing_queries, shape):
    _post(shape, routing_queries)
