"""The helpdesk as a federation subgraph extending Saleor's Order and User."""

from graphene.relay import Node

from tests.factories import access_token_for, make_ticket
from tests.graphql.conftest import Api

SERVICE = "{ _service { sdl } }"

ENTITIES = """
query Entities($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Order { id helpdeskTickets(first: 10) { totalCount edges { node { subject } } } }
    ... on User { id helpdeskTickets(first: 10) { totalCount } }
  }
}
"""


def gid(type_name: str, pk) -> str:
    return Node.to_global_id(type_name, str(pk))


def test_the_subgraph_sdl_extends_saleors_order_and_user(anonymous_api):
    sdl = anonymous_api(SERVICE)["_service"]["sdl"]

    assert 'extend type Order @key(fields: "id") {' in sdl
    assert 'extend type User @key(fields: "id") {' in sdl
    assert "  id: ID! @external\n" in sdl
    assert "_entities" not in sdl
    assert "scalar _Any" not in sdl
    assert "type Ticket {" in sdl


def test_entities_carry_the_tickets_the_caller_may_see(
    customer_api, staff_api, customer_actor, customer, order, other_customer
):
    make_ticket(customer_actor, order_id=order.pk, subject="Zum Auftrag")
    representations = [
        {"__typename": "Order", "id": gid("Order", order.pk)},
        {"__typename": "User", "id": gid("User", customer.pk)},
    ]

    mine = customer_api(ENTITIES, {"representations": representations})["_entities"]
    staff = staff_api(ENTITIES, {"representations": representations})["_entities"]

    assert mine[0]["helpdeskTickets"]["edges"] == [{"node": {"subject": "Zum Auftrag"}}]
    assert mine[1] == {
        "__typename": "User",
        "id": gid("User", customer.pk),
        "helpdeskTickets": {"totalCount": 1},
    }
    assert staff[0]["helpdeskTickets"]["totalCount"] == 1


def test_another_customer_sees_no_tickets_on_someone_elses_order(
    customer_actor, order, other_customer
):
    make_ticket(customer_actor, order_id=order.pk)
    stranger = Api(access_token_for(other_customer))

    result = stranger(
        ENTITIES,
        {"representations": [{"__typename": "Order", "id": gid("Order", order.pk)}]},
    )["_entities"]

    assert result[0]["helpdeskTickets"]["totalCount"] == 0


def test_an_unknown_entity_type_is_an_error(anonymous_api):
    body = anonymous_api.post(
        ENTITIES, {"representations": [{"__typename": "Product", "id": "x"}]}
    ).json()

    assert body["errors"][0]["message"] == "This subgraph does not extend 'Product'."
    assert body["errors"][0]["extensions"] == {
        "code": "INVALID",
        "field": "representations",
    }


def test_a_representation_that_is_not_an_object_is_an_error(anonymous_api):
    body = anonymous_api.post(ENTITIES, {"representations": ["Order:1"]}).json()

    assert body["errors"][0]["message"] == "Each representation must be an object."
    assert body["errors"][0]["extensions"] == {
        "code": "INVALID",
        "field": "representations",
    }
