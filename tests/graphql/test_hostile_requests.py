"""Requests built to hold a worker or to break the endpoint: each is answered with data
or a 400 (message and code), quickly, and a refused one sends no SQL and is refused
before authentication.

The shapes: a ~900-byte fragment fan-out (a cost check that expands every spread again
takes seconds on it), fragment cycles and ~250 levels of nesting (graphql-core's
recursive walkers end in a RecursionError), variables nested 100,000 deep, 16,000
`__typename` (graphql-core takes ~20 s to validate them), a malformed multipart `map`,
and `_entities` with any number of representations. The strict one-second bound per shape
is measured by `./bin/benchmark --hostile` (README, "Security"); the times asserted
here are generous so that a loaded machine does not make them flaky.
"""

import json
import re
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from graphql import parse
from graphql.language import ast
from graphql.language.printer import print_ast
from saleor_helpdesk.graphql.core import limits
from saleor_helpdesk.graphql.core.limits import (
    MAX_DEPTH,
    MAX_JSON_DEPTH,
    MAX_NESTING,
    MAX_QUERY_LENGTH,
    MAX_SELECTIONS,
    LimitError,
    check_limits,
    check_text,
)
from tests.graphql import hostile
from tests.graphql.conftest import URL

GENEROUS_SECONDS = 5.0

TYPENAME = "{ __typename }"
TICKETS_PAGE = "{ tickets(first: 10) { edges { node { id subject } } } }"
TICKETS_PAGE_BY_FRAGMENT = """
query { tickets(first: 10) { ...Page } }
fragment Page on TicketCountableConnection { edges { node { ...Fields } } }
fragment Fields on Ticket { id subject }
"""
CYCLE = """
query { ...A }
fragment A on Query { ...B }
fragment B on Query { ...A }
"""
SELF_SPREAD = "query { ...A } fragment A on Query { __typename ...A }"
ENTITIES = (
    "query Entities($representations: [_Any!]!) "
    "{ _entities(representations: $representations) { __typename } }"
)
ENTITIES_DEFAULT = (
    "query Entities($representations: [_Any!]! = [{}]) "
    "{ _entities(representations: $representations) { __typename } }"
)
UPLOAD = (
    "mutation Create($input: TicketCreateInput!) "
    "{ ticketCreate(input: $input) { errors { field code } } }"
)
ORDER_ID = "T3JkZXI6MQ=="


def refused(response) -> tuple[str, str]:
    """(code, message) of a 400 with one error and no data."""
    assert response.status_code == 400, response.content
    body = response.json()
    assert "data" not in body
    [error] = body["errors"]
    return error["extensions"]["code"], error["message"]


def post_json(body, token: str | None = None):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return Client().post(URL, data=data, content_type="application/json", **headers)


# --- every hostile shape ------------------------------------------------------------


@pytest.mark.parametrize("shape", hostile.shapes(), ids=lambda shape: shape.name)
def test_a_hostile_request_is_answered_quickly_and_a_refusal_sends_no_sql(
    anonymous_api, routing_queries, shape
):
    # given a request built to hold a worker or to break the endpoint
    client = Client(raise_request_exception=False)

    # when it is sent
    with CaptureQueriesContext(connection) as captured:
        response, seconds = hostile.post(client, URL, shape)

    # then it is answered with data or a 400, never a server error, well within the
    # bound; a refusal sends no SQL beyond the host's routing
    assert response.status_code in (200, 400), response.content[:300]
    assert response["Content-Type"] == "application/json"
    assert seconds < GENEROUS_SECONDS
    if response.status_code == 400:
        assert len(captured.captured_queries) == routing_queries
        assert response.json()["errors"][0]["message"]


def test_a_refusal_comes_before_authentication(db):
    # given an invalid token, which is a 401 for any request that gets that far
    token = "not-a-token"
    assert post_json({"query": TYPENAME}, token).status_code == 401

    # when a hostile request carries it, then the limits refuse it first
    code, _ = refused(post_json({"query": hostile.fragment_fan_out(24)}, token))
    assert code == "TOO_MANY_SELECTIONS"


def test_an_operation_name_naming_no_operation_is_refused_before_authentication(db):
    # given an invalid token (a 401 for a request that gets that far)
    body = {"query": "query Mine { __typename }", "operationName": "Other"}

    # then the request is refused first (before: inside execute(), after
    # authentication and its queries)
    response = post_json(body, "not-a-token")

    assert response.status_code == 400
    assert response.json() == {
        "errors": [{"message": 'Unknown operation named "Other".'}]
    }
    # an empty name, which graphql-core takes for none, still runs the operation
    assert post_json({**body, "operationName": ""}).status_code == 200


# --- fragments ----------------------------------------------------------------------


def test_a_fragment_fan_out_is_refused_after_measuring_each_fragment_once(db):
    # given fragments that each spread the next one twice, 24 levels (2**24 fields)
    query = hostile.fragment_fan_out(24)
    assert len(query) < 1_100

    # when it is sent
    response, seconds = hostile.post(Client(), URL, hostile.Shape("", {"query": query}))

    # then it is refused as too many fields, at once (before, each spread was
    # expanded again: 6 s at 22 levels, doubling with each level)
    assert refused(response) == (
        "TOO_MANY_SELECTIONS",
        f"The query selects more than {MAX_SELECTIONS} fields (fragments counted each "
        "time they are spread).",
    )
    assert seconds < GENEROUS_SECONDS


def test_fragments_count_as_often_as_they_are_spread():
    # given the same page written out and through fragments
    written = check_limits(parse(TICKETS_PAGE), {})
    through_fragments = check_limits(parse(TICKETS_PAGE_BY_FRAGMENT), {})

    # then both measure the same: tickets, edges, node, id, subject; the page of
    # 10 multiplies what it selects
    def counts(measure):
        return (measure.fields, measure.aliases, measure.cost, measure.depth)

    assert counts(written) == counts(through_fragments) == (5, 0, 1 + 10 * 4, 3)


def test_a_fragment_counts_its_depth_where_it_is_spread():
    # given a fragment nesting 15 fields, spread at depth 3 and at depth 10
    fragment = "fragment Deep on Ticket { " + "order { " * 14 + "id" + " }" * 14 + " }"
    shallow = "{ ticket(id: 1) { ...Deep } } " + fragment
    deep = "{ " + "ticket(id: 1) { order { " * 4 + "...D" + " } }" * 4 + " } "

    # then the same fragment fits at one place and not at the other (the
    # fragment's own depth is measured once and added to its place's)
    assert check_limits(parse(shallow), {}).depth == 15
    with pytest.raises(LimitError) as error:
        check_limits(parse(deep.replace("...D", "...Deep") + fragment), {})
    assert (error.value.code, str(error.value)) == (
        "query_depth",
        f"The query is nested deeper than {MAX_DEPTH} levels.",
    )


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (CYCLE, 'Cannot spread fragment "A" within itself via B.'),
        (SELF_SPREAD, 'Cannot spread fragment "A" within itself.'),
        (
            hostile.fragment_cycle(300),
            'Cannot spread fragment "F0" within itself via '
            + ", ".join(f"F{i}" for i in range(1, 300))
            + ".",
        ),
    ],
    ids=["two", "itself", "300"],
)
def test_a_fragment_cycle_is_refused_before_validation(db, query, message):
    # when a document whose fragments spread each other in a cycle is sent
    response = post_json({"query": query})

    # then it is a 400 naming the cycle (before: a RecursionError, 500)
    assert refused(response) == ("FRAGMENT_CYCLE", message)


# --- nesting ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        hostile.nested_fields(300),
        hostile.nested_inline_fragments(300),
        hostile.nested_list_literal(300),
        hostile.nested_object_literal(300),
        "{" * 2_000,
    ],
    ids=["fields", "inline fragments", "list literal", "object literal", "brackets"],
)
def test_deep_nesting_is_refused_before_parsing(db, query):
    # when a document nesting 300 levels is sent (before: RecursionError, 500)
    response = post_json({"query": query})

    # then it is refused by the depth of its brackets
    assert refused(response) == (
        "QUERY_DEPTH",
        f"The query nests brackets deeper than {MAX_NESTING} levels.",
    )


def test_a_bracket_hidden_from_the_text_check_is_still_no_server_error(db):
    # given brackets the parser reads but the text check takes for a string's
    # (an unterminated string's quote, then 400 levels): the parser fails first
    query = '"' + "{a" * 400

    # then it is a 400 either way
    assert post_json({"query": query}).status_code == 400


def test_a_fragment_chain_counts_as_nesting():
    # given 45 fragments each spreading the next (graphql-core's rules follow them
    # by recursion)
    with pytest.raises(LimitError) as error:
        check_limits(parse(hostile.fragment_chain(45)), {})

    assert (error.value.code, str(error.value)) == (
        "query_depth",
        f"The query nests selections deeper than {MAX_NESTING} levels.",
    )


# --- size of the document -----------------------------------------------------------


def test_many_fields_of_one_name_are_refused_before_validation(db):
    # given 2,000 `__typename` (validation compares each pair: quadratic)
    response = post_json({"query": hostile.same_name_fields(2_000)})

    # then the number of fields is refused (before: validated, then answered)
    assert refused(response) == (
        "TOO_MANY_SELECTIONS",
        f"The query selects more than {MAX_SELECTIONS} fields (fragments counted each "
        "time they are spread).",
    )


def test_16000_fields_are_refused_by_the_length_of_the_text(db):
    response = post_json({"query": hostile.same_name_fields(16_000)})

    assert refused(response) == (
        "QUERY_TOO_LONG",
        f"The query is 176002 characters long; at most {MAX_QUERY_LENGTH} are "
        "allowed (send long text in variables).",
    )


def test_a_long_integer_literal_is_refused(db):
    # given a page size of 5,000 digits (Python refuses to read more than 4,300)
    response = post_json(
        {"query": "{ tickets(first: " + "9" * 5_000 + ") { totalCount } }"}
    )

    # then it is a 400 (before: ValueError in validation, 500)
    assert refused(response) == (
        "NUMBER_TOO_LONG",
        "A number in the query has more than 30 digits.",
    )


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("{ __typename" + " @skip(if: false)" * 11 + " }", "TOO_MANY_DIRECTIVES"),
        (
            "{ __typename(" + " ".join(f"a{i}: 1" for i in range(21)) + ") }",
            "TOO_MANY_ARGUMENTS",
        ),
        (
            "query(" + " ".join(f"$v{i}: Int" for i in range(51)) + ") { __typename }",
            "TOO_MANY_VARIABLES",
        ),
        ("{ " + "__typename " * 3_001 + "}", "TOO_MANY_TOKENS"),
    ],
    ids=["directives", "arguments", "variables", "tokens"],
)
def test_many_directives_arguments_variables_or_tokens_are_refused(db, query, code):
    assert refused(post_json({"query": query}))[0] == code


# --- the body -----------------------------------------------------------------------


def test_variables_nested_100000_deep_are_refused(db):
    # given arrays 100,000 deep in the variables (json.loads recursed: 500)
    body = (
        '{"query": "{ __typename }", "variables": {"a": '
        + "[" * 100_000
        + "]" * 100_000
        + "}}"
    )

    assert refused(post_json(body)) == (
        "JSON_DEPTH",
        f"`body` nests lists and objects deeper than {MAX_JSON_DEPTH} levels.",
    )


def test_variables_nested_within_the_decoder_but_beyond_the_limit_are_refused(db):
    # given arrays 500 deep: json.loads reads them, the walkers of the variables
    # would recurse into them
    body = {"query": TYPENAME, "variables": {"a": json.loads("[" * 500 + "]" * 500)}}

    assert refused(post_json(body))[0] == "JSON_DEPTH"


def test_a_json_integer_python_cannot_read_is_a_400(db):
    body = '{"query": "{ __typename }", "variables": {"a": ' + "9" * 5_000 + "}}"

    assert refused(post_json(body)) == ("BAD_REQUEST", "`body` is not valid JSON.")


def test_too_many_json_values_are_refused(db):
    body = {"query": TYPENAME, "variables": {"a": [0] * 10_001}}

    assert refused(post_json(body)) == (
        "TOO_MANY_VALUES",
        "`body` holds more than 10000 JSON values.",
    )


# --- federation ---------------------------------------------------------------------


@pytest.mark.parametrize("query", [ENTITIES, ENTITIES_DEFAULT])
def test_more_than_100_representations_are_refused_before_any_sql(
    customer_api, routing_queries, django_assert_num_queries, query
):
    # given 101 representations, in a variable or as its default
    representations = [{"__typename": "Order", "id": ORDER_ID}] * 101
    if query is ENTITIES_DEFAULT:
        query = query.replace(
            "[{}]", "[" + ", ".join('{__typename: "Order"}' for _ in range(101)) + "]"
        )
        representations = None

    # when they are sent, by a signed-in customer
    with django_assert_num_queries(routing_queries):
        response = customer_api.post(
            query, {"representations": representations} if representations else {}
        )

    # then they are refused before authentication and any query
    assert refused(response) == (
        "TOO_MANY_REPRESENTATIONS",
        "`_entities` got 101 representations; at most 100 are allowed per request.",
    )


# --- multipart ----------------------------------------------------------------------

NEW_TICKET = {"subject": "Becher kaputt", "body": "Henkel ab.", "attachments": [None]}


@pytest.mark.parametrize(
    ("files_map", "message"),
    [
        (
            {"0": ["variables.nope.0"]},
            "The path `variables.nope.0` in `map` names `nope`, which `variables` does "
            "not have (send null where the file goes).",
        ),
        (
            {"0": ["variables.input.subject.0"]},
            "The path `variables.input.subject.0` in `map` leads through "
            "`variables.input.subject`, which is not an object or a list in the "
            "variables.",
        ),
        (
            {"0": ["variables.input.attachments.1"]},
            "The path `variables.input.attachments.1` in `map` names item `1` of "
            "`variables.input.attachments`, which has 1 items.",
        ),
        (
            {"0": ["variables.input.attachments.-1"]},
            "The path `variables.input.attachments.-1` in `map` names item `-1` of "
            "`variables.input.attachments`, which has 1 items.",
        ),
        (
            {"0": ["variables.input.attachments.x"]},
            "The path `variables.input.attachments.x` in `map` names item `x` of "
            "`variables.input.attachments`, which has 1 items.",
        ),
        ({"0": [0]}, "`map` must give the paths of the file `0` as strings."),
        (
            {"0": "variables.input.attachments.0"},
            "`map` must give a list of paths for the file `0`.",
        ),
        (
            {"0": ["query"]},
            "The path `query` in `map` must lead into the variables "
            "(`variables.<name>…`).",
        ),
        ([], "`map` must be an object."),
        (
            {"1": ["variables.input.attachments.0"]},
            "The file `1` named in `map` was not sent.",
        ),
    ],
    ids=[
        "absent variable",
        "through a string",
        "out of range",
        "negative",
        "not a number",
        "path not a string",
        "paths not a list",
        "outside the variables",
        "map not an object",
        "file not sent",
    ],
)
def test_a_malformed_multipart_map_is_a_400_naming_the_problem(
    customer_api, routing_queries, django_assert_num_queries, files_map, message
):
    # given a multipart request whose map does not fit its variables
    data = {
        "operations": json.dumps({"query": UPLOAD, "variables": {"input": NEW_TICKET}}),
        "map": json.dumps(files_map),
    }
    shape = hostile.Shape("", "", multipart=data, files={"0": b"\x89PNG\r\n"})

    # when it is sent
    with django_assert_num_queries(routing_queries):
        response, _ = hostile.post(
            customer_api.client,
            URL,
            shape,
            HTTP_AUTHORIZATION=f"Bearer {customer_api.token}",
        )

    # then it is refused, naming the problem (before: a 500 for most)
    assert refused(response) == ("BAD_REQUEST", message)


# --- the limits and the committed operations ----------------------------------------

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = sorted((ROOT / "graphql").glob("*/*.graphql"))


def _committed_operations() -> list[tuple[str, str]]:
    """(name, text with the fragments it spreads) of every committed operation."""
    fragments = {}
    for path in DOCUMENTS:
        for definition in parse(path.read_text()).definitions:
            if isinstance(definition, ast.FragmentDefinition):
                fragments[(path.parent.name, definition.name.value)] = definition
    operations = []
    for path in DOCUMENTS:
        for definition in parse(path.read_text()).definitions:
            if not isinstance(definition, ast.OperationDefinition):
                continue
            parts = [print_ast(definition)]
            wanted = set(re.findall(r"\.\.\.(\w+)", parts[0]))
            done: set[str] = set()
            while wanted - done:
                name = (wanted - done).pop()
                done.add(name)
                text = print_ast(fragments[(path.parent.name, name)])
                parts.append(text)
                wanted |= set(re.findall(r"\.\.\.(\w+)", text))
            operations.append(
                (f"{path.parent.name}/{definition.name.value}", "\n".join(parts))
            )
    return operations


def test_every_committed_operation_stays_under_a_third_of_each_new_limit():
    assert len(_committed_operations()) > 50
    for name, text in _committed_operations():
        document = parse(text)
        text_measure = check_text(text)
        measure = check_limits(document, {})
        (operation,) = [
            d for d in document.definitions if isinstance(d, ast.OperationDefinition)
        ]
        assert len(text) <= limits.MAX_QUERY_LENGTH / 3, name
        assert text_measure.tokens <= limits.MAX_TOKENS / 3, name
        assert text_measure.nesting <= limits.MAX_NESTING / 3, name
        assert measure.nesting <= limits.MAX_NESTING / 3, name
        assert measure.fields <= limits.MAX_SELECTIONS / 3, name
        assert len(operation.variable_definitions or []) <= limits.MAX_VARIABLES / 3


def test_an_operation_at_the_limits_is_answered(anonymous_api):
    # given as many fields as allowed
    data = anonymous_api(hostile.same_name_fields(MAX_SELECTIONS))

    assert data == {"__typename": "Query"}


def test_fields_of_a_second_fragment_of_the_same_name_count_too():
    # given a fragment defined twice, the second with many fields (validation
    # reports the duplicate, but its rules look at both first)
    query = (
        "{ ...F } fragment F on Query { __typename } "
        "fragment F on Query { " + "__typename " * MAX_SELECTIONS + "}"
    )

    with pytest.raises(LimitError) as error:
        check_limits(parse(query), {})

    assert error.value.code == "too_many_selections"


def test_a_request_with_an_unknown_fragment_is_left_to_validation(db):
    response = post_json({"query": "{ ...Missing }"})

    assert response.status_code == 400
    assert response.json()["errors"][0]["message"] == 'Unknown fragment "Missing".'
