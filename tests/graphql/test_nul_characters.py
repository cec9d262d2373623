"""Text with a NUL character (U+0000), which PostgreSQL does not store.

In a variable or written into the query, in any `String` or `ID` (a search word, a
subject, a comment, a template, an e-mail address, an ID), it is a request error like
any other wrong value: HTTP 400, no `data`, a message naming the variable or argument
and the place in its value; nothing runs, so a mutation writes nothing. Without this
check, search words and text stored as it is (a subject, a template's name) would reach
PostgreSQL and end as an INTERNAL_ERROR, the sanitiser would drop the NUL of an HTML
body without a word, and IDs and e-mail addresses would get errors that blame
something else. An uploaded file's name is not typed by the customer: its NUL is dropped and the upload
goes through.
"""

import json
from pathlib import Path

import pytest
from django.core import mail
from django.test import Client

from saleor_helpdesk.models import Attachment, Ticket
from tests.factories import StaffFactory, access_token_for, grant, make_ticket
from tests.files import samples
from tests.graphql.config.conftest import snapshot as settings_snapshot
from tests.graphql.conftest import URL, Api
from tests.graphql.staff.conftest import gid, snapshot
from tests.graphql.test_bad_variables import location

NUL = "\x00"
PROBLEM = "text must not contain the NUL character (U+0000)."

SEARCH = (
    "query Search($filter: TicketFilterInput) "
    "{ tickets(first: 10, filter: $filter) { totalCount } }"
)
TICKET = "query Ticket($id: ID!) { ticket(id: $id) { subject } }"
GUEST_TICKETS = (
    "query GuestTickets($token: UUID!, $email: String!) "
    "{ guestTickets(orderToken: $token, email: $email, first: 10) { totalCount } }"
)
ENTITIES = (
    "query Entities($representations: [_Any!]!) "
    "{ _entities(representations: $representations) { __typename } }"
)
CREATE = (
    "mutation Create($input: TicketCreateInput!) "
    "{ ticketCreate(input: $input) { errors { field code } "
    "ticket { id attachments { name } } } }"
)
COMMENT_ADD = (
    "mutation Reply($id: ID!, $input: TicketCommentInput!) "
    "{ ticketCommentAdd(id: $id, input: $input) { errors { field code } } }"
)
TICKET_UPDATE = (
    "mutation Update($id: ID!, $input: TicketUpdateInput!) "
    "{ ticketUpdate(id: $id, input: $input) { errors { field code } } }"
)
TEMPLATE_CREATE = (
    "mutation Template($input: ResponseTemplateInput!) "
    "{ responseTemplateCreate(input: $input) { errors { field code } } }"
)
GUEST_CREATE = (
    "mutation GuestCreate($token: UUID!, $email: String!, $input: TicketCreateInput!) "
    "{ guestTicketCreate(orderToken: $token, email: $email, input: $input) "
    "{ errors { field code } } }"
)


def refused_as_request(response, *messages: str) -> list[dict]:
    """The request was refused as a whole, with these messages; its errors."""
    assert response.status_code == 400, response.content
    assert list(response.json()) == ["errors"]
    errors = response.json()["errors"]
    assert [error["message"] for error in errors] == list(messages)
    return errors


# --- in variables ---------------------------------------------------------------------

# (query, variables, the one error's message)
IN_VARIABLES = {
    "search words": (
        SEARCH,
        {"filter": {"search": f"Becher{NUL}"}},
        f'Variable "$filter" got invalid value at "filter.search": {PROBLEM}',
    ),
    "an ID": (TICKET, {"id": NUL}, f'Variable "$id" got invalid value: {PROBLEM}'),
    "an ID in a list": (
        SEARCH,
        {"filter": {"categories": ["Q2F0ZWdvcnk6MQ==", f"Q2F0ZWdvcnk6Mg=={NUL}"]}},
        'Variable "$filter" got invalid value at "filter.categories[1]": ' + PROBLEM,
    ),
    "an e-mail address": (
        GUEST_TICKETS,
        {"token": "6b7b0d4e-1111-4222-8333-944445555666", "email": f"gast{NUL}@x.de"},
        f'Variable "$email" got invalid value: {PROBLEM}',
    ),
    "an entity representation": (
        ENTITIES,
        {"representations": [{"__typename": "Order", "id": f"T3JkZXI6{NUL}"}]},
        'Variable "$representations" got invalid value at "representations[0]": '
        + PROBLEM,
    ),
}


@pytest.mark.parametrize(
    ("query", "variables", "message"),
    list(IN_VARIABLES.values()),
    ids=list(IN_VARIABLES),
)
def test_a_nul_in_a_variable_is_a_request_error_naming_the_place(
    staff_api, query, variables, message, django_assert_num_queries, routing_queries
):
    # given staff who may run every query here
    # when a text in a variable holds a NUL
    with django_assert_num_queries(routing_queries):
        response = staff_api.post(query, variables)

    # then the request is refused before anything touches the database, like a value
    # of the wrong type, at the variable's declaration
    variable = message.split('"$')[1].split('"')[0]
    [error] = refused_as_request(response, message)
    assert error["locations"] == [location(query, variable)]


def test_a_value_its_type_refuses_anyway_gets_one_error(staff_api):
    # when a UUID variable holds a NUL (no UUID does)
    response = staff_api.post(GUEST_TICKETS, {"token": NUL, "email": "gast@example.de"})

    # then the one error is that it is no UUID
    refused_as_request(
        response,
        'Variable "$token" got invalid value "\\u0000": '
        "UUID cannot represent a value that is not a UUID string.",
    )


@pytest.mark.parametrize(
    "text",
    ["Becher\tkaputt", "Tasse\ufffd", "line\r\nbreak", "\x01\x1f"],
    ids=["tab", "replacement character", "line break", "other controls"],
)
def test_text_without_a_nul_still_runs(staff_api, text):
    # other control characters are stored by PostgreSQL and stay allowed
    assert staff_api(SEARCH, {"filter": {"search": text}}) == {
        "tickets": {"totalCount": 0}
    }


# --- written into the query -----------------------------------------------------------

SEARCH_LITERAL = (
    'query { tickets(first: 10, filter: {search: "Becher\\u0000"}) { totalCount } }'
)
# (query, the one error's message, the string the error points at)
IN_THE_QUERY = {
    "search words": (
        SEARCH_LITERAL,
        f'Argument "filter" has invalid value at "filter.search": {PROBLEM}',
        '"Becher',
    ),
    "an ID": (
        'query { ticket(id: "VGlja2V0OjE=\\u0000") { subject } }',
        f'Argument "id" has invalid value: {PROBLEM}',
        '"VGlj',
    ),
    "an ID in a list": (
        "query { tickets(first: 10, filter: "
        '{categories: ["Q2F0ZWdvcnk6MQ==", "\\u0000"]}) { totalCount } }',
        f'Argument "filter" has invalid value at "filter.categories[1]": {PROBLEM}',
        '"\\u0000',
    ),
    "a variable's default value": (
        'query Search($filter: TicketFilterInput = {search: "\\u0000"}) '
        "{ tickets(first: 10, filter: $filter) { totalCount } }",
        f'Variable "$filter" has invalid default value at "filter.search": {PROBLEM}',
        '"\\u0000',
    ),
}


@pytest.mark.parametrize(
    ("query", "message", "string"), list(IN_THE_QUERY.values()), ids=list(IN_THE_QUERY)
)
def test_a_nul_written_into_the_query_is_a_validation_error(
    staff_api, query, message, string, django_assert_num_queries, routing_queries
):
    # when a string written into the query holds a NUL (the escape \u0000)
    with django_assert_num_queries(routing_queries):
        response = staff_api.post(query)

    # then validation refuses the document, pointing at the string
    [error] = refused_as_request(response, message)
    assert error["locations"] == [{"line": 1, "column": query.index(string) + 1}]


def test_a_nul_written_as_is_stays_a_syntax_error(staff_api):
    # when the character itself (not its escape) is in the query text
    response = staff_api.post(SEARCH_LITERAL.replace("\\u0000", NUL))

    # then graphql-core refuses it while reading the document, as before
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["message"].startswith(
        "Syntax Error GraphQL (1:52) Invalid character within String"
    )


def test_a_literal_its_type_refuses_anyway_gets_one_error(staff_api):
    # when a UUID written into the query holds a NUL
    response = staff_api.post(
        '{ guestTickets(orderToken: "\\u0000", email: "gast@example.de", first: 1) '
        "{ totalCount } }"
    )

    # then the one error is that it is no UUID
    refused_as_request(
        response,
        'Argument "orderToken" has invalid value "\\u0000".\n'
        'Expected type "UUID", found "\\u0000".',
    )


def test_every_nul_is_listed(staff_api):
    # given a document with a NUL in an argument and a wrong variable value
    query = (
        "query($filter: TicketFilterInput) {"
        ' a: tickets(first: 1, filter: {search: "\\u0000"}) { totalCount }'
        " b: tickets(first: 1, filter: $filter) { totalCount } }"
    )

    # when it is sent, then validation names the literal (variables come after it)
    refused_as_request(
        staff_api.post(query, {"filter": {"search": NUL}}),
        f'Argument "filter" has invalid value at "filter.search": {PROBLEM}',
    )
    # and the variables' check names every NUL in them
    refused_as_request(
        staff_api.post(SEARCH, {"filter": {"search": NUL, "channels": [NUL, "x"]}}),
        f'Variable "$filter" got invalid value at "filter.search": {PROBLEM}',
        f'Variable "$filter" got invalid value at "filter.channels[0]": {PROBLEM}',
    )


# --- mutations write nothing ----------------------------------------------------------


def stored_files(settings) -> list[Path]:
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


@pytest.mark.parametrize("field", ["subject", "body"])
def test_a_customers_new_ticket_with_a_nul_in_a_variable_writes_nothing(
    customer_api, order, field
):
    # given a customer's question on their order, with a NUL in its subject or body
    # (before: a NUL in the subject was a server error; in the body the sanitiser
    # dropped it silently)
    new = {
        "subject": "Becher kaputt",
        "body": "Henkel ab.",
        "order": gid("Order", order.pk),
    }
    new[field] = f"{new[field][:6]}{NUL}{new[field][6:]}"
    before = snapshot()

    # when they send it
    response = customer_api.post(CREATE, {"input": new})

    # then it is refused before it runs: no ticket, comment or event, no e-mail
    refused_as_request(
        response, f'Variable "$input" got invalid value at "input.{field}": {PROBLEM}'
    )
    assert snapshot() == before
    assert mail.outbox == []


@pytest.mark.parametrize("field", ["subject", "body"])
def test_a_customers_new_ticket_with_a_nul_in_the_query_writes_nothing(
    customer_api, order, field
):
    # given the same question written into the query
    values = {"subject": '"Becher kaputt"', "body": '"Henkel ab."'}
    values[field] = '"Becher\\u0000"'
    query = (
        "mutation { ticketCreate(input: {"
        f"subject: {values['subject']}, body: {values['body']}, "
        f'order: "{gid("Order", order.pk)}"'
        "}) { errors { field code } ticket { id } } }"
    )
    before = snapshot()

    # when the customer sends it
    response = customer_api.post(query)

    # then validation refuses it and nothing is written
    refused_as_request(
        response, f'Argument "input" has invalid value at "input.{field}": {PROBLEM}'
    )
    assert snapshot() == before
    assert mail.outbox == []


def test_a_new_ticket_with_a_nul_and_a_photo_stores_no_file(
    customer_api, order, settings
):
    # given a multipart request with a photo and a NUL in the subject
    variables = {
        "input": {
            "subject": f"Becher{NUL}",
            "body": "Siehe Foto.",
            "order": gid("Order", order.pk),
            "attachments": [None],
        }
    }
    before = snapshot()

    # when it is sent
    response = customer_api.post_files(
        CREATE,
        variables,
        {"input.attachments.0": samples.upload("foto.png", samples.PNG)},
    )

    # then nothing is written, in the database or in storage
    refused_as_request(
        response, f'Variable "$input" got invalid value at "input.subject": {PROBLEM}'
    )
    assert snapshot() == before
    assert stored_files(settings) == []


def test_a_guests_new_ticket_with_a_nul_in_the_email_writes_nothing(
    anonymous_api, guest_order
):
    # given a guest's question whose e-mail address holds a NUL
    variables = {
        "token": str(guest_order.pk),
        "email": f"gast@example.de{NUL}",
        "input": {"subject": "Hallo", "body": "Wo bleibt das Paket?"},
    }
    before = snapshot()

    # when it is sent (before: "no order matches", as if the address were wrong)
    response = anonymous_api.post(GUEST_CREATE, variables)

    # then it is refused and nothing is written
    refused_as_request(response, f'Variable "$email" got invalid value: {PROBLEM}')
    assert snapshot() == before
    assert mail.outbox == []


@pytest.fixture
def ticket(customer_actor, channel):
    return make_ticket(customer_actor, channel_id=channel.pk, subject="Paket fehlt")


@pytest.mark.parametrize("written", ["variable", "literal"])
def test_a_staff_reply_with_a_nul_writes_nothing(staff_api, ticket, written):
    # given a staff reply whose body holds a NUL (before: dropped without a word)
    before = snapshot()

    # when staff send it, in a variable or written into the query
    if written == "variable":
        response = staff_api.post(
            COMMENT_ADD,
            {"id": gid("Ticket", ticket.pk), "input": {"body": f"Ist{NUL} unterwegs."}},
        )
        message = f'Variable "$input" got invalid value at "input.body": {PROBLEM}'
    else:
        response = staff_api.post(
            "mutation { ticketCommentAdd("
            f'id: "{gid("Ticket", ticket.pk)}", input: {{body: "Ist\\u0000 unterwegs."}}'
            ") { errors { field code } } }"
        )
        message = f'Argument "input" has invalid value at "input.body": {PROBLEM}'

    # then it is refused: no comment, event or status change, no e-mail
    refused_as_request(response, message)
    assert snapshot() == before
    assert mail.outbox == []


def test_a_cc_address_with_a_nul_changes_nothing(staff_api, ticket):
    # given a CC list whose second address holds a NUL (before: INVALID_EMAIL, from
    # the mutation)
    before = snapshot()

    # when staff set it
    response = staff_api.post(
        TICKET_UPDATE,
        {
            "id": gid("Ticket", ticket.pk),
            "input": {"ccEmails": ["chef@example.de", f"buero{NUL}@example.de"]},
        },
    )

    # then nothing changes
    refused_as_request(
        response,
        f'Variable "$input" got invalid value at "input.ccEmails[1]": {PROBLEM}',
    )
    assert snapshot() == before
    assert Ticket.objects.get(pk=ticket.pk).cc_emails == []


@pytest.fixture
def manager_api(db):
    """A staff user who may change the helpdesk's settings (MANAGE_PLUGINS)."""
    user = StaffFactory(email="admin@shop.example")
    grant(user, "MANAGE_PLUGINS")
    return Api(access_token_for(user))


@pytest.mark.parametrize("written", ["variable", "literal"])
def test_a_response_template_with_a_nul_is_not_created(manager_api, written):
    # given a settings manager's new response template with a NUL in its body or
    # name (before: the sanitiser dropped it from the body; in the name it was a
    # server error)
    before = settings_snapshot()

    # when it is sent
    if written == "variable":
        response = manager_api.post(
            TEMPLATE_CREATE,
            {"input": {"name": "Versand", "body": f"Hallo {{{{ kunde }}}}{NUL}"}},
        )
        message = f'Variable "$input" got invalid value at "input.body": {PROBLEM}'
    else:
        response = manager_api.post(
            'mutation { responseTemplateCreate(input: {name: "Ver\\u0000sand", '
            'body: "Hallo"}) { errors { field code } } }'
        )
        message = f'Argument "input" has invalid value at "input.name": {PROBLEM}'

    # then no template is written
    refused_as_request(response, message)
    assert settings_snapshot() == before


# --- uploaded file names --------------------------------------------------------------


def multipart(operations: dict, disposition: bytes, content: bytes) -> bytes:
    """A multipart body written by hand, so the file part's header is exactly
    `disposition` (Django's test client would encode the name itself)."""
    return b"".join(
        [
            b"--BOUNDARY\r\n",
            b'Content-Disposition: form-data; name="operations"\r\n\r\n',
            json.dumps(operations).encode(),
            b"\r\n--BOUNDARY\r\n",
            b'Content-Disposition: form-data; name="map"\r\n\r\n',
            json.dumps({"0": ["variables.input.attachments.0"]}).encode(),
            b"\r\n--BOUNDARY\r\n",
            b'Content-Disposition: form-data; name="0"; ' + disposition + b"\r\n",
            b"Content-Type: image/png\r\n\r\n",
            content,
            b"\r\n--BOUNDARY--\r\n",
        ]
    )


@pytest.mark.parametrize(
    "disposition",
    [b'filename="foto\x00.png"', b"filename*=UTF-8''foto%00.png"],
    ids=["as is", "RFC 2231 encoded"],
)
def test_a_nul_in_an_uploaded_files_name_is_dropped(customer_api, order, disposition):
    # given a photo whose file name holds a NUL (the customer's file system gave it;
    # they may not be able to rename it)
    operations = {
        "query": CREATE,
        "variables": {
            "input": {
                "subject": "Becher kaputt",
                "body": "Siehe Foto.",
                "order": gid("Order", order.pk),
                "attachments": [None],
            }
        },
    }

    # when it is uploaded with a new ticket
    response = Client().post(
        URL,
        data=multipart(operations, disposition, samples.PNG),
        content_type="multipart/form-data; boundary=BOUNDARY",
        HTTP_AUTHORIZATION=f"Bearer {customer_api.token}",
    )

    # then the ticket is opened with the photo, named without the NUL
    assert response.status_code == 200, response.content
    body = response.json()
    assert "errors" not in body, body
    result = body["data"]["ticketCreate"]
    assert result["errors"] == []
    assert result["ticket"]["attachments"] == [{"name": "foto.png"}]
    assert Attachment.objects.get().display_name == "foto.png"
