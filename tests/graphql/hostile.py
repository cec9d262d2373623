"""Hostile requests: the shapes a client can send to hold a worker or to make the
endpoint fail, each at its largest (bodies up to Django's DATA_UPLOAD_MAX_MEMORY_SIZE,
2.5 MB). Shared by the tests (`test_hostile_requests.py`, `test_fuzz.py`) and the
worst-case benchmark (`./bin/benchmark --hostile`)."""

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from saleor_helpdesk.graphql.core.limits import (
    MAX_ALIASES,
    MAX_QUERY_LENGTH,
    MAX_SELECTIONS,
    MAX_TOKENS,
)

SQUARE = int(MAX_SELECTIONS**0.5)
BODY_LIMIT = 2_621_440  # Django's DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB)


@dataclass
class Shape:
    """A request: a JSON body, or a multipart body (`files` maps a part to bytes)."""

    name: str
    body: dict | list | str | bytes
    multipart: dict[str, str] | None = None
    files: dict[str, bytes] = field(default_factory=dict)

    def data(self) -> bytes:
        if isinstance(self.body, bytes):
            return self.body
        if isinstance(self.body, str):
            return self.body.encode()
        return json.dumps(self.body).encode()


def _query(query: str, variables: dict | None = None) -> dict:
    return {"query": query, "variables": variables or {}}


def fragment_fan_out(levels: int) -> str:
    """Each fragment spreads the next one twice: 2**levels expansions."""
    fragments = "".join(
        f"fragment F{i} on Query{{...F{i + 1} ...F{i + 1}}}" for i in range(levels)
    )
    return f"query{{...F0}}{fragments}fragment F{levels} on Query{{__typename}}"


def fragment_cycle(length: int) -> str:
    fragments = "".join(
        f"fragment F{i} on Query{{...F{(i + 1) % length}}}" for i in range(length)
    )
    return f"query{{...F0}}{fragments}"


def fragment_chain(length: int) -> str:
    fragments = "".join(f"fragment F{i} on Query{{...F{i + 1}}}" for i in range(length))
    return f"query{{...F0}}{fragments}fragment F{length} on Query{{__typename}}"


def nested_fields(levels: int) -> str:
    return "{" + "ticket(id:1){" * levels + "id" + "}" * (levels + 1)


def nested_inline_fragments(levels: int) -> str:
    return "{" + "...on Query{" * levels + "__typename" + "}" * (levels + 1)


def nested_list_literal(levels: int) -> str:
    return (
        "{tickets(first:1,filter:{statuses:"
        + "[" * levels
        + "]" * levels
        + "}){totalCount}}"
    )


def nested_object_literal(levels: int) -> str:
    return (
        "{tickets(first:1,filter:"
        + "{a:" * levels
        + "1"
        + "}" * levels
        + "){totalCount}}"
    )


def same_name_fields(count: int) -> str:
    return "{" + "__typename " * count + "}"


def same_name_nested(outer: int, inner: int) -> str:
    """`outer` copies of one field, each selecting `inner` copies of one field: the
    overlapping-fields rule compares outer**2 * inner**2 pairs."""
    body = "__typename " * inner
    return "{" + f'helpdeskConfiguration(channel:"c"){{{body}}}' * outer + "}"


def _fill(make: Callable[[int], str], budget: int) -> str:
    """The largest `make(n)` of at most `budget` characters."""
    low, high = 1, budget
    while low < high:
        middle = (low + high + 1) // 2
        if len(make(middle)) <= budget:
            low = middle
        else:
            high = middle - 1
    return make(low)


TICKETS_BY_IDS = (
    "query($ids:[ID!]){tickets(first:10,filter:{assignees:$ids}){totalCount}}"
)
ENTITIES = (
    "query($r:[_Any!]!){_entities(representations:$r){__typename "
    "...on Order{helpdeskTickets(first:10){totalCount}}}}"
)
UPLOAD = (
    "mutation($input:TicketCreateInput!){ticketCreate(input:$input)"
    "{errors{field code}}}"
)


def shapes() -> list[Shape]:
    """Every hostile shape, at its largest."""
    big = BODY_LIMIT - 1_000
    result = [
        Shape("fragment fan-out, 22 levels", _query(fragment_fan_out(22))),
        Shape(
            "fragment fan-out, as many levels as the query may have",
            _query(_fill(fragment_fan_out, MAX_QUERY_LENGTH)),
        ),
        Shape("fragment cycle of two", _query(fragment_cycle(2))),
        Shape(
            "fragment cycle, as long as the query may be",
            _query(_fill(fragment_cycle, MAX_QUERY_LENGTH)),
        ),
        Shape(
            "fragment chain, as long as the query may be",
            _query(_fill(fragment_chain, MAX_QUERY_LENGTH)),
        ),
        Shape("300 nested fields", _query(nested_fields(300))),
        Shape("nested fields, 2.5 MB", _query(_fill(nested_fields, big))),
        Shape("300 nested inline fragments", _query(nested_inline_fragments(300))),
        Shape("nested list literal, 2.5 MB", _query(_fill(nested_list_literal, big))),
        Shape("300 nested list literals", _query(nested_list_literal(300))),
        Shape("300 nested object literals", _query(nested_object_literal(300))),
        Shape(
            "16,000 __typename (2.5 MB body, text over the length limit)",
            _query(same_name_fields(16_000)),
        ),
        Shape(
            "__typename as often as the text may hold",
            _query(_fill(same_name_fields, MAX_QUERY_LENGTH)),
        ),
        Shape(
            f"{MAX_SELECTIONS} __typename (at the selection limit)",
            _query(same_name_fields(MAX_SELECTIONS)),
        ),
        Shape(
            f"{SQUARE} x {SQUARE - 1} same-name nested fields (at the selection limit)",
            _query(same_name_nested(SQUARE, SQUARE - 1)),
        ),
        Shape(
            f"2 x {MAX_SELECTIONS // 2 - 1} same-name nested fields (at the selection "
            "limit)",
            _query(same_name_nested(2, MAX_SELECTIONS // 2 - 1)),
        ),
        Shape(
            f"a fragment of {SQUARE} same-name fields spread {SQUARE} times",
            _query(
                "{"
                + "...F " * SQUARE
                + "...G}fragment F on Query{"
                + "__typename " * SQUARE
                + "}fragment G on Query{...F}"
            ),
        ),
        Shape(
            "fragment fan-out at the selection limit",
            _query(fragment_fan_out(MAX_SELECTIONS.bit_length() - 1)),
        ),
        Shape(
            "unused fragments of same-name fields up to the token limit",
            _query(
                "{__typename}"
                + "".join(
                    f"fragment F{i} on Query{{{'__typename ' * 300}}}"
                    for i in range(MAX_TOKENS // 300)
                )
            ),
        ),
        Shape(
            "as many aliases as the text may hold",
            _query(_fill(lambda n: "{" + "a:__typename " * n + "}", MAX_QUERY_LENGTH)),
        ),
        Shape(
            f"{MAX_ALIASES} aliases of a paginated field",
            _query(
                "{"
                + "".join(
                    f"a{i}:tickets(first:100){{totalCount}}" for i in range(MAX_ALIASES)
                )
                + "}"
            ),
        ),
        Shape(
            "as many variables as the text may hold",
            _query(
                _fill(
                    lambda n: "query("
                    + " ".join(f"$v{i}:Int" for i in range(n))
                    + "){__typename}",
                    MAX_QUERY_LENGTH,
                )
            ),
        ),
        Shape(
            "as many directives as the text may hold",
            _query(
                _fill(
                    lambda n: "{__typename" + " @skip(if:false)" * n + "}",
                    MAX_QUERY_LENGTH,
                )
            ),
        ),
        Shape(
            "as many arguments as the text may hold",
            _query(
                _fill(lambda n: "{__typename(" + "a:1 " * n + ")}", MAX_QUERY_LENGTH)
            ),
        ),
        Shape(
            "duplicate fields with many arguments",
            _query("{" + ("tickets(" + "first:1 " * 2_000 + "){totalCount}") * 2 + "}"),
        ),
        Shape(
            "a 99,000-digit integer literal",
            _query("{tickets(first:" + "9" * 99_000 + "){totalCount}}"),
        ),
        Shape(
            "a 99,000-digit float literal",
            _query("{tickets(first:1." + "9" * 99_000 + "){totalCount}}"),
        ),
        Shape(
            "a list literal of as many items as the query may hold",
            _query(
                "{tickets(first:10,filter:{statuses:["
                + '"a" ' * (MAX_TOKENS - 30)
                + "]}){totalCount}}"
            ),
        ),
        Shape(
            "a string literal as long as the query may be",
            _query(
                '{tickets(first:1,filter:{search:"'
                + "x" * (MAX_QUERY_LENGTH - 60)
                + '"}){totalCount}}'
            ),
        ),
        Shape("query text of 2.5 MB", _query("{" + " " * big + "__typename}")),
        Shape(
            "2.5 MB multipart operations",
            "",
            multipart={
                "operations": json.dumps(
                    _query("query($s:String){__typename}", {"s": "x" * big})
                ),
                "map": "{}",
            },
        ),
        Shape(
            "multipart with 1,500 fields",
            "",
            multipart={
                "operations": json.dumps(_query("{__typename}")),
                **{f"f{i}": "x" for i in range(1_500)},
            },
        ),
        Shape(
            "multipart with 150 files",
            "",
            multipart={"operations": json.dumps(_query("{__typename}")), "map": "{}"},
            files={str(i): b"x" for i in range(150)},
        ),
        Shape(
            "2.5 MB string variable",
            _query(
                "query($s:String){tickets(first:1,filter:{search:$s}){totalCount}}",
                {"s": "x" * big},
            ),
        ),
        Shape(
            "JSON arrays 100,000 deep",
            '{"query":"{__typename}","variables":{"a":'
            + "[" * 100_000
            + "]" * 100_000
            + "}}",
        ),
        Shape(
            "JSON arrays 1,250,000 deep (2.5 MB)",
            '{"query":"{__typename}","variables":{"a":'
            + "[" * (big // 2)
            + "]" * (big // 2)
            + "}}",
        ),
        Shape(
            "JSON arrays 900 deep",
            '{"query":"{__typename}","variables":{"a":' + "[" * 900 + "]" * 900 + "}}",
        ),
        Shape(
            "2.5 MB of JSON numbers in a list variable",
            '{"query":"'
            + TICKETS_BY_IDS.replace('"', '\\"')
            + '","variables":{"ids":['
            + "0," * (big // 2)
            + "0]}}",
        ),
        Shape(
            "2.5 MB of empty JSON lists",
            '{"query":"{__typename}","variables":{"a":[' + "[]," * (big // 3) + "[]]}}",
        ),
        Shape(
            "a 5,000-digit JSON number",
            '{"query":"{__typename}","variables":{"a":' + "9" * 5_000 + "}}",
        ),
        Shape(
            "a JSON object with 200,000 keys",
            _query("{__typename}", {f"k{i}": 0 for i in range(200_000)}),
        ),
        Shape(
            "5,000 entity representations",
            _query(
                ENTITIES, {"r": [{"__typename": "Order", "id": "T3JkZXI6MQ=="}] * 5_000}
            ),
        ),
        Shape(
            "101 entity representations",
            _query(
                ENTITIES, {"r": [{"__typename": "Order", "id": "T3JkZXI6MQ=="}] * 101}
            ),
        ),
        Shape(
            "entity representations nested 30 deep",
            _query(
                ENTITIES,
                {
                    "r": [
                        {
                            "__typename": "Order",
                            "id": [
                                [[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]
                            ],
                        }
                    ]
                },
            ),
        ),
        Shape("a batch of 10,000 operations", [_query("{__typename}")] * 10_000),
        Shape("not UTF-8", b"\xff\xfe" * 1_000),
        Shape("not JSON", b"{" * 1_000),
        Shape("JSON null", b"null"),
        Shape("a query that is not a string", _query({"a": 1})),  # type: ignore[arg-type]
        Shape("variables that are a list", {"query": "{__typename}", "variables": [1]}),
    ]
    null_input = {"input": {"subject": "s", "body": "b", "attachments": [None]}}
    for name, files_map, variables in [
        ("a map path into an absent variable", {"0": ["variables.nope.0"]}, null_input),
        (
            "a map path through a string",
            {"0": ["variables.input.subject.0"]},
            null_input,
        ),
        (
            "a map index out of range",
            {"0": ["variables.input.attachments.5"]},
            null_input,
        ),
        ("a negative map index", {"0": ["variables.input.attachments.-1"]}, null_input),
        (
            "a map index that is not a number",
            {"0": ["variables.input.attachments.x"]},
            null_input,
        ),
        ("a map path that is not a string", {"0": [7]}, null_input),
        (
            "map paths that are not a list",
            {"0": "variables.input.attachments.0"},
            null_input,
        ),
        ("a map path outside the variables", {"0": ["query"]}, null_input),
        ("a map path of `variables` alone", {"0": ["variables"]}, null_input),
        ("a map that is a list", [["variables.input.attachments.0"]], null_input),
        (
            "a map naming a file not sent",
            {"1": ["variables.input.attachments.0"]},
            null_input,
        ),
        ("a map into null variables", {"0": ["variables.input.attachments.0"]}, None),
    ]:
        result.append(
            Shape(
                f"multipart: {name}",
                "",
                multipart={
                    "operations": json.dumps({"query": UPLOAD, "variables": variables}),
                    "map": json.dumps(files_map),
                },
                files={"0": b"\x89PNG\r\n"},
            )
        )
    return result


def post(client, url: str, shape: Shape, **headers) -> tuple[Any, float]:
    """Send `shape` with Django's test client: (the response, seconds it took the
    server to answer, request handling included)."""
    if shape.multipart is not None:
        data: dict[str, Any] = dict(shape.multipart)
        data.update(
            {
                key: SimpleUploadedFile(f"{key}.png", content, "image/png")
                for key, content in shape.files.items()
            }
        )
        start = time.perf_counter()
        response = client.post(url, data=data, **headers)
    else:
        body = shape.data()
        start = time.perf_counter()
        response = client.post(
            url, data=body, content_type="application/json", **headers
        )
    return response, time.perf_counter() - start
