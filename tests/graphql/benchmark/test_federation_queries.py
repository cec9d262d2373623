"""Federation `_entities`: the tickets of any number of entities (up to the limit of
100 representations) cost the same number of queries as those of one, and each entity
still gets its own page."""

import uuid

import pytest
from graphene.relay import Node

from saleor_helpdesk.graphql.core.limits import MAX_REPRESENTATIONS
from tests.factories import OrderFactory, make_ticket
from tests.graphql.benchmark.test_query_budgets import count_queries

ENTITIES = """
query Entities($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Order {
      id
      helpdeskTickets(first: 2) {
        totalCount
        pageInfo { hasNextPage }
        edges { cursor node { subject } }
      }
    }
    ... on User { id helpdeskTickets(first: 10) { totalCount } }
  }
}
"""

PAGES = """
query Pages($representations: [_Any!]!, $after: String) {
  _entities(representations: $representations) {
    ... on Order {
      newest: helpdeskTickets(first: 1) { edges { node { subject } } }
      oldest: helpdeskTickets(last: 1) { edges { node { subject } } }
      next: helpdeskTickets(first: 5, after: $after) {
        totalCount
        pageInfo { hasPreviousPage hasNextPage }
        edges { node { subject } }
      }
    }
  }
}
"""


def gid(type_name: str, pk) -> str:
    return Node.to_global_id(type_name, str(pk))


def _orders_with_tickets(customer_actor, channel, count: int) -> list:
    orders = []
    for index in range(count):
        order = OrderFactory(user=customer_actor.user, channel=channel)
        for number in range(3):
            make_ticket(
                customer_actor, order_id=order.pk, subject=f"order {index} #{number}"
            )
        orders.append(order)
    return orders


def _representations(orders, customer, total: int) -> list[dict]:
    """`total` representations: the first order, the customer, the other orders,
    and orders nobody has."""
    known = [{"__typename": "Order", "id": gid("Order", o.pk)} for o in orders]
    known.insert(1, {"__typename": "User", "id": gid("User", customer.pk)})
    unknown = [
        {"__typename": "Order", "id": gid("Order", uuid.uuid4())}
        for _ in range(total - len(known))
    ]
    return (known + unknown)[:total]


@pytest.mark.parametrize("total", [2, MAX_REPRESENTATIONS])
def test_entities_cost_the_same_queries_for_2_and_100_representations(
    customer_api, customer, customer_actor, channel, total
):
    # given three orders with three tickets each, and the customer
    orders = _orders_with_tickets(customer_actor, channel, 3)
    representations = _representations(orders, customer, total)
    variables = {"representations": representations}

    # when the gateway resolves `total` entities (an order and the customer, or 100)
    queries = count_queries(customer_api, ENTITIES, variables)
    authentication = count_queries(customer_api, "{ __typename }", {})

    # then per entity type one count and one page query, whatever their number:
    # orders 2, users 2 (with 2 representations: one order, the customer)
    assert queries - authentication == 4
    data = customer_api(ENTITIES, variables)["_entities"]
    assert len(data) == total
    first_order = data[0]["helpdeskTickets"]
    assert first_order["totalCount"] == 3
    assert first_order["pageInfo"] == {"hasNextPage": True}
    assert [e["node"]["subject"] for e in first_order["edges"]] == [
        "order 0 #2",
        "order 0 #1",
    ]
    assert data[1]["helpdeskTickets"] == {"totalCount": 9}
    if total == MAX_REPRESENTATIONS:
        assert [d["helpdeskTickets"]["totalCount"] for d in data[2:4]] == [3, 3]
        assert all(d["helpdeskTickets"]["totalCount"] == 0 for d in data[4:])


def test_each_entity_gets_its_own_page_of_each_selection(
    customer_api, customer, customer_actor, channel
):
    # given two orders with three tickets each
    orders = _orders_with_tickets(customer_actor, channel, 2)
    representations = [
        {"__typename": "Order", "id": gid("Order", o.pk)} for o in orders
    ]
    first_page = customer_api(ENTITIES, {"representations": representations})
    cursor = first_page["_entities"][0]["helpdeskTickets"]["edges"][0]["cursor"]

    # when both are asked for their newest, their oldest and the page after a cursor
    data = customer_api(PAGES, {"representations": representations, "after": cursor})

    # then each order's pages are its own, as on the tickets connection
    for index, entity in enumerate(data["_entities"]):
        assert entity["newest"]["edges"] == [{"node": {"subject": f"order {index} #2"}}]
        assert entity["oldest"]["edges"] == [{"node": {"subject": f"order {index} #0"}}]
        assert entity["next"] == {
            "totalCount": 3,
            "pageInfo": {"hasPreviousPage": True, "hasNextPage": False},
            "edges": [
                {"node": {"subject": f"order {index} #1"}},
                {"node": {"subject": f"order {index} #0"}},
            ],
        }
