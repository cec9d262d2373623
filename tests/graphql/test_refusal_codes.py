"""Every query refusal carries its code in `extensions` (and the argument it is about,
where there is one), so a client can act on it without parsing messages: an
unknown channel in `helpdeskConfiguration`, a broken cursor, and a refused guest (see
guest/test_guest_refusals.py) included.

The last test reads the API's source: every GraphQLError a resolver raises is built
with `extensions`, so a new refusal without a code fails here."""

import ast
from pathlib import Path

import pytest

import saleor_helpdesk.graphql
from tests.factories import access_token_for
from tests.graphql.conftest import Api

HELPDESK_CONFIGURATION = """
query Configuration($channel: String!) {
  helpdeskConfiguration(channel: $channel) { kinds { kind } }
}
"""
TICKETS = """
query Tickets($after: String) { tickets(first: 10, after: $after) { totalCount } }
"""

API_ROOT = Path(saleor_helpdesk.graphql.__file__).parent
# Errors of the request as a whole (answered 400 without data, with message and
# location, as the README says), not refusals of a field.
REQUEST_ERRORS = {
    "core/variables.py",
    "core/scalars.py",
    "core/validation.py",
    "view.py",
}


def refusal(api: Api, query: str, variables: dict) -> dict:
    body = api.post(query, variables).json()
    assert all(value is None for value in body["data"].values()), body
    [error] = body["errors"]
    return {"message": error["message"], "extensions": error["extensions"]}


def test_an_unknown_channel_is_not_found_with_its_code(anonymous_api, channel):
    assert refusal(anonymous_api, HELPDESK_CONFIGURATION, {"channel": "mars"}) == {
        "message": "Channel 'mars' not found.",
        "extensions": {"code": "NOT_FOUND", "field": "channel"},
    }


@pytest.mark.parametrize("cursor", ["kaputt", "b2Zmc2V0Ong="])  # "offset:x"
def test_a_broken_cursor_is_invalid_with_its_code(customer, cursor):
    api = Api(access_token_for(customer))

    assert refusal(api, TICKETS, {"after": cursor}) == {
        "message": "Invalid cursor in `after`.",
        "extensions": {"code": "INVALID", "field": "after"},
    }


def graphql_errors_without_code() -> set[tuple[str, int]]:
    found = set()
    for path in sorted(API_ROOT.rglob("*.py")):
        name = path.relative_to(API_ROOT).as_posix()
        if name in REQUEST_ERRORS:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "GraphQLError"
                and not any(k.arg == "extensions" for k in node.keywords)
            ):
                found.add((name, node.lineno))
    return found


def test_every_refusal_in_the_api_is_built_with_a_code():
    assert graphql_errors_without_code() == set()
