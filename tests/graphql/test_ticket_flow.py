"""The storefront and staff flow through the GraphQL endpoint."""

from graphene.relay import Node

from tests.factories import UserFactory, access_token_for
from tests.graphql.conftest import Api

CREATE = """
mutation Create($input: TicketCreateInput!) {
  ticketCreate(input: $input) {
    errors { field code message }
    ticket { id number kind subject status { slug name(languageCode: "de") }
             order { id number } lines { productName quantity reason }
             complaint { requestedResolution decision } assignee { email } }
  }
}
"""

TICKETS = """
query Tickets($first: Int, $last: Int, $filter: TicketFilterInput) {
  tickets(first: $first, last: $last, filter: $filter) {
    totalCount
    edges { node { number subject lastComment { body } attachmentCount } }
  }
}
"""

TICKET = """
query Ticket($id: ID!) {
  ticket(id: $id) { number comments(first: 10) { edges { node { body visibility } } } }
}
"""


def gid(type_name: str, pk) -> str:
    return Node.to_global_id(type_name, str(pk))


def test_a_customer_complains_about_an_order_line_and_staff_see_it(
    customer_api, staff_api, order
):
    mug = order.lines.get(product_name="Kaffeebecher")

    data = customer_api(
        CREATE,
        {
            "input": {
                "subject": "Becher kaputt",
                "body": "<p>Der Henkel ist ab.</p>",
                "kind": "COMPLAINT",
                "order": gid("Order", order.pk),
                "lines": [
                    {
                        "orderLineId": gid("OrderLine", mug.pk),
                        "quantity": 1,
                        "reason": "DEFECTIVE",
                    }
                ],
                "complaint": {"requestedResolution": "REPLACEMENT"},
            }
        },
    )["ticketCreate"]

    assert data["errors"] == []
    ticket = data["ticket"]
    assert ticket["kind"] == "COMPLAINT"
    assert ticket["status"] == {"slug": "new", "name": "Neu"}
    assert ticket["order"]["id"] == gid("Order", order.pk)
    assert ticket["lines"] == [
        {"productName": "Kaffeebecher", "quantity": 1, "reason": "DEFECTIVE"}
    ]
    assert ticket["complaint"] == {
        "requestedResolution": "REPLACEMENT",
        "decision": "PENDING",
    }
    # staff-only fields are null for the customer
    assert ticket["assignee"] is None

    listed = staff_api(TICKETS, {"first": 10})["tickets"]
    assert listed["totalCount"] == 1
    assert listed["edges"][0]["node"]["lastComment"] == {
        "body": "<p>Der Henkel ist ab.</p>"
    }


def test_refusals_are_typed_errors(customer_api, order):
    data = customer_api(
        CREATE,
        {"input": {"subject": " ", "body": "x", "order": gid("Order", order.pk)}},
    )["ticketCreate"]

    assert data == {
        "errors": [
            {"field": "subject", "code": "REQUIRED", "message": "Enter a subject."}
        ],
        "ticket": None,
    }


def test_anonymous_callers_get_permission_denied(anonymous_api, channel):
    data = anonymous_api(
        CREATE, {"input": {"subject": "Hallo", "body": "x", "channel": channel.slug}}
    )["ticketCreate"]

    assert data["errors"][0]["code"] == "PERMISSION_DENIED"


def test_another_customers_ticket_is_null_like_a_missing_one(customer_api, channel):
    created = customer_api(
        CREATE, {"input": {"subject": "Frage", "body": "x", "channel": channel.slug}}
    )["ticketCreate"]["ticket"]
    stranger = Api(access_token_for(UserFactory()))

    assert stranger(TICKET, {"id": created["id"]}) == {"ticket": None}
    assert stranger(TICKET, {"id": gid("Ticket", 999_999)}) == {"ticket": None}


def test_pagination_limits_come_before_the_database(
    customer_api, django_assert_num_queries, routing_queries
):
    with django_assert_num_queries(routing_queries):
        response = customer_api.post(TICKETS, {"first": 101})
    assert response.status_code == 400
    assert response.json()["errors"][0]["message"] == (
        "`first` must be between 0 and 100 (you asked for 101)."
    )

    with django_assert_num_queries(routing_queries):
        response = customer_api.post(TICKETS, {})
    assert response.json()["errors"][0]["extensions"]["code"] == "PAGINATION"
    assert response.json()["errors"][0]["message"] == (
        "You must provide a `first` or `last` value to paginate."
    )


def test_two_operations_in_one_request_are_refused(
    customer_api, django_assert_num_queries, routing_queries
):
    with django_assert_num_queries(routing_queries):
        response = customer_api.post("query A { __typename } query B { __typename }")

    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "OPERATION_COUNT"


def test_too_many_aliases_are_refused(
    customer_api, django_assert_num_queries, routing_queries
):
    query = "{ " + " ".join(f"a{i}: __typename" for i in range(101)) + " }"

    with django_assert_num_queries(routing_queries):
        response = customer_api.post(query)

    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "TOO_MANY_ALIASES"


def test_an_expensive_query_is_refused(
    customer_api, django_assert_num_queries, routing_queries
):
    query = (
        "{ tickets(first: 100) { edges { node { comments(first: 100) { edges { node {"
        " body attachments { name } } } } } } } }"
    )

    with django_assert_num_queries(routing_queries):
        response = customer_api.post(query)

    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "QUERY_COST"


def test_an_invalid_token_is_an_error_not_anonymous(db):
    response = Api("not-a-token").post("{ __typename }")

    assert response.status_code == 401
    assert response.json()["errors"][0]["extensions"]["code"] == "INVALID_TOKEN"
