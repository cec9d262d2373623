"""A variable whose value does not fit the type the operation declares for it.

The answer is a request error like a syntax or a validation error: HTTP 400, no
`data`, one error per wrong value with its message and the variable's location. The
message names the variable, where in its value the problem is and what was expected;
nothing runs, so a mutation writes nothing.
"""

import contextlib
import json
import logging

import graphene
import pytest
from django.core import mail

from graphql import GraphQLError, parse
from graphql.type import GraphQLInputObjectType, GraphQLObjectType, GraphQLScalarType
from graphql.type.definition import get_named_type
from saleor_helpdesk.graphql.core.variables import check_variables
from saleor_helpdesk.graphql.schema import schema
from saleor_helpdesk.models import Ticket
from tests.factories import make_ticket
from tests.files import samples
from tests.graphql.conftest import URL
from tests.graphql.staff.conftest import gid, snapshot

TICKETS = "query Tickets($first: Int) { tickets(first: $first) { totalCount } }"
FILTERED = (
    "query Filtered($filter: TicketFilterInput) "
    "{ tickets(first: 10, filter: $filter) { totalCount } }"
)
TICKET = "query Ticket($id: ID!) { ticket(id: $id) { subject } }"
GUEST_TICKETS = (
    "query GuestTickets($token: UUID!) "
    '{ guestTickets(orderToken: $token, email: "gast@example.de", first: 10) '
    "{ totalCount } }"
)
REFUND = (
    "mutation Refund($id: ID!, $input: TicketRefundCreateInput!) "
    "{ ticketRefundCreate(id: $id, input: $input) { errors { code } } }"
)
CREATE = (
    "mutation Create($input: TicketCreateInput!) "
    "{ ticketCreate(input: $input) { errors { field code } ticket { id } } }"
)
BULK_UPDATE = (
    "mutation Bulk($ids: [ID!]!, $input: TicketBulkUpdateInput!) "
    "{ ticketBulkUpdate(ids: $ids, input: $input) { errors { code } count } }"
)

INT = "Int cannot represent a non-integer value."
INT_RANGE = "Int cannot represent a non 32-bit signed integer value."
STRING = "String cannot represent a non-string value."
BOOLEAN = "Boolean cannot represent a non-boolean value."
ID = "ID cannot represent a value that is not a string or an integer."
UUID = "UUID cannot represent a value that is not a UUID string."
DECIMAL = "Decimal cannot represent a value that is not a finite decimal number."
UPLOAD = (
    "Upload cannot represent a value that is not a file: send the file as a part of "
    "a multipart request and name its variable in `map`."
)
DATETIME = (
    "DateTime cannot represent a value that is not an ISO 8601 date and time "
    '("2025-03-01T09:30:00+01:00").'
)
NEW_TICKET = {"subject": "Becher kaputt", "body": "Henkel ab."}

# (query, variables, the one error's message)
WRONG_VALUES = {
    # Int
    "string for Int": (
        TICKETS,
        {"first": "viele"},
        f'Variable "$first" got invalid value "viele": {INT}',
    ),
    "numeric string for Int": (
        TICKETS,
        {"first": "10"},
        f'Variable "$first" got invalid value "10": {INT}',
    ),
    "fraction for Int": (
        TICKETS,
        {"first": 1.5},
        f'Variable "$first" got invalid value 1.5: {INT}',
    ),
    "Boolean for Int": (
        TICKETS,
        {"first": True},
        f'Variable "$first" got invalid value true: {INT}',
    ),
    "list for Int": (
        TICKETS,
        {"first": [10]},
        f'Variable "$first" got invalid value [10]: {INT}',
    ),
    "object for Int": (
        TICKETS,
        {"first": {"n": 10}},
        f'Variable "$first" got invalid value {{"n": 10}}: {INT}',
    ),
    "Int above 32 bits": (
        TICKETS,
        {"first": 2**31},
        f'Variable "$first" got invalid value 2147483648: {INT_RANGE}',
    ),
    "huge Int": (
        TICKETS,
        {"first": 10**30},
        f'Variable "$first" got invalid value {10**30}: {INT_RANGE}',
    ),
    "Int below 32 bits": (
        TICKETS,
        {"first": -(2**31) - 1},
        f'Variable "$first" got invalid value -2147483649: {INT_RANGE}',
    ),
    # String, Boolean, ID, enum, input object, lists (nested in an input object)
    "object for String": (
        FILTERED,
        {"filter": {"search": {"text": "Becher"}}},
        'Variable "$filter" got invalid value {"text": "Becher"} at "filter.search": '
        + STRING,
    ),
    "number for String": (
        FILTERED,
        {"filter": {"search": 42}},
        f'Variable "$filter" got invalid value 42 at "filter.search": {STRING}',
    ),
    "string for Boolean": (
        FILTERED,
        {"filter": {"unassigned": "false"}},
        f'Variable "$filter" got invalid value "false" at "filter.unassigned": {BOOLEAN}',
    ),
    "number for Boolean": (
        FILTERED,
        {"filter": {"overdue": 0}},
        f'Variable "$filter" got invalid value 0 at "filter.overdue": {BOOLEAN}',
    ),
    "list for ID": (
        TICKET,
        {"id": ["VGlja2V0OjE="]},
        f'Variable "$id" got invalid value ["VGlja2V0OjE="]: {ID}',
    ),
    "object for ID": (
        TICKET,
        {"id": {"id": 1}},
        f'Variable "$id" got invalid value {{"id": 1}}: {ID}',
    ),
    "fraction in a list of IDs": (
        FILTERED,
        {"filter": {"categories": ["Q2F0ZWdvcnk6MQ==", 1.5]}},
        f'Variable "$filter" got invalid value 1.5 at "filter.categories[1]": {ID}',
    ),
    "unknown enum value": (
        FILTERED,
        {"filter": {"kinds": ["QUESTION", "BESCHWERDE"]}},
        'Variable "$filter" got invalid value "BESCHWERDE" at "filter.kinds[1]": '
        'Value "BESCHWERDE" does not exist in "TicketKindEnum" enum.',
    ),
    "number for enum": (
        FILTERED,
        {"filter": {"kinds": [1]}},
        'Variable "$filter" got invalid value 1 at "filter.kinds[0]": '
        "TicketKindEnum cannot represent a non-string value.",
    ),
    "string for input object": (
        FILTERED,
        {"filter": "offen"},
        'Variable "$filter" got invalid value "offen": '
        'Expected an object of type "TicketFilterInput".',
    ),
    "list for input object": (
        FILTERED,
        {"filter": [{"search": "Becher"}]},
        'Variable "$filter" got invalid value [{"search": "Becher"}]: '
        'Expected an object of type "TicketFilterInput".',
    ),
    "unknown input field": (
        FILTERED,
        {"filter": {"status": "new"}},
        'Variable "$filter" got invalid value {"status": "new"}: '
        'Field "status" is not defined by type "TicketFilterInput".',
    ),
    "wrong type in a nested input object": (
        FILTERED,
        {"filter": {"created": {"gte": "gestern"}}},
        'Variable "$filter" got invalid value "gestern" at "filter.created.gte": '
        + DATETIME,
    ),
    # required and non-null
    "UTC offset of more than a day": (
        FILTERED,
        {"filter": {"updated": {"lte": "2025-03-01T09:30:00+99:00"}}},
        'Variable "$filter" got invalid value "2025-03-01T09:30:00+99:00" at '
        f'"filter.updated.lte": {DATETIME}',
    ),
    "DateTime past the year 9999 in UTC": (
        FILTERED,
        {"filter": {"updated": {"lte": "9999-12-31T23:30:00-05:00"}}},
        'Variable "$filter" got invalid value "9999-12-31T23:30:00-05:00" at '
        f'"filter.updated.lte": {DATETIME}',
    ),
    # aniso8601 raises IndexError, not ValueError, on these (found by test_fuzz.py)
    "a lone T for DateTime": (
        FILTERED,
        {"filter": {"updated": {"lte": "T"}}},
        f'Variable "$filter" got invalid value "T" at "filter.updated.lte": {DATETIME}',
    ),
    "an empty string for DateTime": (
        FILTERED,
        {"filter": {"updated": {"lte": ""}}},
        f'Variable "$filter" got invalid value "" at "filter.updated.lte": {DATETIME}',
    ),
    "number for DateTime": (
        FILTERED,
        {"filter": {"updated": {"lte": 1740821400}}},
        f'Variable "$filter" got invalid value 1740821400 at "filter.updated.lte": {DATETIME}',
    ),
    "required variable missing": (
        TICKET,
        {},
        'Variable "$id" of required type "ID!" was not provided.',
    ),
    "null for a non-null variable": (
        TICKET,
        {"id": None},
        'Variable "$id" of non-null type "ID!" must not be null.',
    ),
    "null for a non-null field": (
        CREATE,
        {"input": {**NEW_TICKET, "subject": None}},
        'Variable "$input" got invalid value null at "input.subject": '
        'Expected a value of non-null type "String!".',
    ),
    "required field missing": (
        CREATE,
        {"input": {"subject": "Becher kaputt"}},
        'Variable "$input" got invalid value {"subject": "Becher kaputt"}: '
        'Field "body" of required type "String!" was not provided.',
    ),
    # the schema's own scalars
    "UUID not a UUID": (
        GUEST_TICKETS,
        {"token": "kein-token"},
        f'Variable "$token" got invalid value "kein-token": {UUID}',
    ),
    "number for UUID": (
        GUEST_TICKETS,
        {"token": 5},
        f'Variable "$token" got invalid value 5: {UUID}',
    ),
    "words for Decimal": (
        REFUND,
        {"id": "VGlja2V0OjE=", "input": {"idempotencyKey": "k", "amount": "viele"}},
        f'Variable "$input" got invalid value "viele" at "input.amount": {DECIMAL}',
    ),
    "NaN for Decimal": (
        REFUND,
        {"id": "VGlja2V0OjE=", "input": {"idempotencyKey": "k", "amount": "NaN"}},
        f'Variable "$input" got invalid value "NaN" at "input.amount": {DECIMAL}',
    ),
    "list for Decimal": (
        REFUND,
        {"id": "VGlja2V0OjE=", "input": {"idempotencyKey": "k", "amount": [10]}},
        f'Variable "$input" got invalid value [10] at "input.amount": {DECIMAL}',
    ),
    "text for Upload": (
        CREATE,
        {"input": {**NEW_TICKET, "attachments": ["foto.png"]}},
        'Variable "$input" got invalid value "foto.png" at "input.attachments[0]": '
        + UPLOAD,
    ),
}


def location(query: str, variable: str) -> dict:
    """Where the operation declares `$variable` (line and column count from 1)."""
    before = query[: query.index(f"${variable}:")]
    line = before.count("\n") + 1
    return {"line": line, "column": len(before) - before.rfind("\n")}


@pytest.mark.parametrize(
    ("query", "variables", "message"),
    list(WRONG_VALUES.values()),
    ids=list(WRONG_VALUES),
)
def test_a_wrong_value_is_a_request_error_naming_the_variable(
    staff_api, query, variables, message
):
    # given staff who may run every operation here
    # when they send a value that does not fit its variable's type
    response = staff_api.post(query, variables)

    # then the request is refused as a whole, like an invalid document, with the
    # variable's name, the place in its value and what was expected
    assert response.status_code == 400
    variable = message.split('"$')[1].split('"')[0]
    assert response.json() == {
        "errors": [{"message": message, "locations": [location(query, variable)]}]
    }


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            '{ guestTickets(orderToken: "kein-token", email: "gast@example.de", '
            "first: 10) { totalCount } }",
            'Argument "orderToken" has invalid value "kein-token".\n'
            'Expected type "UUID", found "kein-token".',
        ),
        (
            '{ tickets(first: 10, filter: {created: {gte: "gestern"}}) { totalCount } }',
            'Argument "filter" has invalid value {created: {gte: "gestern"}}.\n'
            'In field "created": In field "gte": Expected type "DateTime", found '
            '"gestern".',
        ),
        (
            'mutation { ticketRefundCreate(id: "VGlja2V0OjE=", input: '
            '{idempotencyKey: "k", amount: "viele"}) { errors { code } } }',
            'Argument "input" has invalid value {idempotencyKey: "k", amount: '
            '"viele"}.\nIn field "amount": Expected type "Decimal", found "viele".',
        ),
        (
            'mutation { ticketCreate(input: {subject: "Becher", body: "Kaputt", '
            'attachments: ["foto.png"]}) { errors { code } } }',
            'Argument "input" has invalid value {subject: "Becher", body: "Kaputt", '
            'attachments: ["foto.png"]}.\nIn field "attachments": In element #0: '
            'Expected type "Upload", found "foto.png".',
        ),
        (
            '{ tickets(first: 10, filter: {created: {gte: "T"}}) { totalCount } }',
            'Argument "filter" has invalid value {created: {gte: "T"}}.\n'
            'In field "created": In field "gte": Expected type "DateTime", found "T".',
        ),
    ],
    ids=["UUID", "DateTime", "Decimal", "Upload", "DateTime T"],
)
def test_a_literal_the_schemas_scalars_cannot_read_is_a_validation_error(
    staff_api, query, message
):
    # when a value written into the query does not fit one of the schema's scalars
    response = staff_api.post(query)

    # then validation refuses it (graphene's UUID and Decimal raised a server error;
    # Upload passed the text on to the resolver as if it were a file)
    assert response.status_code == 400
    assert [error["message"] for error in response.json()["errors"]] == [message]


def test_the_error_has_the_shape_of_syntax_and_validation_errors(staff_api):
    # given a syntax error, a validation error and a wrong variable value
    # when each is sent
    answers = [
        staff_api.post("query { tickets(first: 1) { totalCount }"),
        staff_api.post("query { tickets(first: 1) { unknownField } }"),
        staff_api.post(TICKETS, {"first": "viele"}),
    ]

    # then all three are a 400 with only a message and locations, no data
    assert [answer.status_code for answer in answers] == [400, 400, 400]
    for answer in answers:
        (error,) = answer.json()["errors"]
        assert list(answer.json()) == ["errors"]
        assert sorted(error) == ["locations", "message"]


def test_every_wrong_value_is_listed(staff_api):
    # given a filter with three wrong values
    variables = {"filter": {"search": 1, "kinds": ["NEU"], "overdue": "ja"}}

    # when it is sent
    response = staff_api.post(FILTERED, variables)

    # then each of them is named
    assert response.status_code == 400
    assert [error["message"] for error in response.json()["errors"]] == [
        f'Variable "$filter" got invalid value 1 at "filter.search": {STRING}',
        'Variable "$filter" got invalid value "NEU" at "filter.kinds[0]": '
        'Value "NEU" does not exist in "TicketKindEnum" enum.',
        f'Variable "$filter" got invalid value "ja" at "filter.overdue": {BOOLEAN}',
    ]


def test_a_long_value_is_shortened_in_the_message(staff_api):
    # when a very long text is sent for an Int
    response = staff_api.post(TICKETS, {"first": "x" * 1000})

    # then the message shows its beginning
    (error,) = response.json()["errors"]
    assert error["message"] == (
        'Variable "$first" got invalid value "' + "x" * 78 + f"…: {INT}"
    )


def test_a_file_where_text_is_expected_is_refused(customer_api):
    # given a multipart request that puts a file where the body text belongs
    variables = {"input": {**NEW_TICKET, "body": None}}

    # when it is sent
    response = customer_api.post_files(
        CREATE, variables, {"input.body": samples.upload("foto.png", samples.PNG)}
    )

    # then it is refused, and the file is named as a file
    assert response.status_code == 400
    assert [error["message"] for error in response.json()["errors"]] == [
        'Variable "$input" got invalid value "<file>" at "input.body": ' + STRING
    ]


@pytest.mark.parametrize(
    ("query", "variables"),
    [
        (TICKETS, {"first": 10}),
        # a single value where a list is expected is a list of one (the spec)
        (FILTERED, {"filter": {"kinds": "QUESTION"}}),
        (FILTERED, {"filter": {"search": "Becher", "unassigned": True}}),
        (FILTERED, {"filter": {"created": {"gte": "2025-01-01T00:00:00+01:00"}}}),
    ],
    ids=["Int", "one value for a list", "String and Boolean", "DateTime"],
)
def test_values_that_fit_still_run(staff_api, query, variables):
    assert staff_api(query, variables)["tickets"]["totalCount"] == 0


def test_a_mutation_with_a_wrong_value_writes_nothing(customer_api, order):
    # given a complaint on an order line whose quantity is words
    mug = order.lines.get(product_name="Kaffeebecher")
    variables = {
        "input": {
            **NEW_TICKET,
            "kind": "COMPLAINT",
            "order": gid("Order", order.pk),
            "lines": [{"orderLineId": gid("OrderLine", mug.pk), "quantity": "zwei"}],
        }
    }
    before = snapshot()

    # when the customer sends it
    response = customer_api.post(CREATE, variables)

    # then it is refused before it runs: no ticket, line, comment or event, no e-mail
    assert response.status_code == 400
    assert response.json()["errors"][0]["message"] == (
        'Variable "$input" got invalid value "zwei" at "input.lines[0].quantity": '
        + INT
    )
    assert snapshot() == before
    assert mail.outbox == []


def test_false_as_text_does_not_close_tickets(staff_api, customer_actor, channel):
    # given an open ticket
    ticket = make_ticket(customer_actor, channel_id=channel.pk, subject="Offen")
    before = snapshot()

    # when staff send "false" as text for `close` (graphql-core 2 reads it as true)
    response = staff_api.post(
        BULK_UPDATE, {"ids": [gid("Ticket", ticket.pk)], "input": {"close": "false"}}
    )

    # then nothing is closed, nor changed at all
    assert response.status_code == 400
    assert response.json()["errors"][0]["message"] == (
        f'Variable "$input" got invalid value "false" at "input.close": {BOOLEAN}'
    )
    assert snapshot() == before
    assert Ticket.objects.get(pk=ticket.pk).closed_at is None


def test_an_operation_name_that_names_no_operation_is_a_request_error(staff_api):
    # when the operation name does not match the document's operation
    response = staff_api.client.post(
        URL,
        data=json.dumps(
            {"query": TICKETS, "variables": {"first": 10}, "operationName": "Andere"}
        ),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {staff_api.token}",
    )

    # then graphql-core's refusal is a 400 as well, not a server error
    assert response.status_code == 400
    assert response.json() == {
        "errors": [{"message": 'Unknown operation named "Andere".'}]
    }


def test_an_internal_error_of_a_resolver_stays_a_logged_internal_error(
    staff_api, monkeypatch, caplog
):
    # given a resolver that fails on a bug
    def broken(*args, **kwargs):
        raise RuntimeError("kaputt")

    monkeypatch.setattr("saleor_helpdesk.graphql.tickets.schema.sort_tickets", broken)

    # when staff list tickets with valid variables
    with caplog.at_level(logging.ERROR):
        response = staff_api.post(TICKETS, {"first": 10})

    # then the caller sees an internal error without details, and the log has them
    assert response.status_code == 200
    assert response.json()["errors"][0]["message"] == "Internal error."
    assert response.json()["errors"][0]["extensions"] == {"code": "INTERNAL_ERROR"}
    assert "kaputt" not in response.content.decode()
    assert any(
        record.exc_info and "kaputt" in str(record.exc_info[1])
        for record in caplog.records
    )


def test_a_float_variable_is_checked_as_the_spec_says():
    # The schema has no Float argument, so this checks the rule on a schema that has.
    class Query(graphene.ObjectType):
        half = graphene.Float(value=graphene.Float())

    float_schema = graphene.Schema(query=Query)
    (operation,) = parse("query($value: Float) { half(value: $value) }").definitions

    def problems(value):
        errors = check_variables(float_schema, operation, {"value": value})
        return [error.message for error in errors]

    assert problems(1.5) == []
    assert problems(2) == []
    assert problems("1.5") == [
        'Variable "$value" got invalid value "1.5": '
        "Float cannot represent a non-numeric value."
    ]
    assert problems(True) == [
        'Variable "$value" got invalid value true: '
        "Float cannot represent a non-numeric value."
    ]
    assert problems(float("inf")) == [
        'Variable "$value" got invalid value Infinity: '
        "Float cannot represent an infinite or NaN value."
    ]
    assert problems(10**400) == [
        f'Variable "$value" got invalid value {str(10**400)[:79]}…: '
        "Float cannot represent an infinite or NaN value."
    ]


def input_scalars() -> list[GraphQLScalarType]:
    """The scalars a client can send a value for: in arguments and input fields."""
    found: dict[str, GraphQLScalarType] = {}
    for type_ in schema.get_type_map().values():
        if isinstance(type_, GraphQLObjectType):
            inputs = [
                arg for field in type_.fields.values() for arg in field.args.values()
            ]
        elif isinstance(type_, GraphQLInputObjectType):
            inputs = list(type_.fields.values())
        else:
            continue
        for input_ in inputs:
            named = get_named_type(input_.type)
            if isinstance(named, GraphQLScalarType):
                found[named.name] = named
    return list(found.values())


BUILTIN_SCALARS = {"Int", "Float", "String", "Boolean", "ID"}
GARBAGE = ["viele", "", "NaN", 1.5, 10**40, True, [1], {"a": 1}]


@pytest.mark.parametrize(
    "scalar",
    [s for s in input_scalars() if s.name not in BUILTIN_SCALARS],
    ids=lambda scalar: scalar.name,
)
def test_the_schemas_input_scalars_refuse_garbage_with_a_graphql_error(scalar):
    # Built-in scalars are checked by check_variables itself. Every other scalar a
    # client can send must refuse a value it cannot read with a GraphQLError or None:
    # any other exception from parse_value ends as a server error.
    for value in GARBAGE:
        with contextlib.suppress(GraphQLError):
            scalar.parse_value(value)
