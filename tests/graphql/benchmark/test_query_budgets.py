"""Query budgets: the number of database queries per request, asserted exactly and the
same for small and large pages (no query per row)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from graphene.relay import Node

from saleor_helpdesk.actions import add_attachments, add_comment, assign_ticket
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.host import get_host
from tests.factories import (
    AttachmentFileFactory,
    OrderFactory,
    OrderLineFactory,
    StaffFactory,
    grant,
    make_ticket,
)

STAFF_INBOX = """
query Inbox($first: Int!, $sortBy: TicketSortingInput) {
  tickets(first: $first, sortBy: $sortBy) {
    totalCount
    edges { node {
      number subject customerEmail
      customer { email }
      order { number }
      status { slug name(languageCode: "de") }
      priority { slug }
      assignee { email }
      lastComment { body }
      attachmentCount
    } }
  }
}
"""

MY_TICKETS = """
query Mine($first: Int!) {
  tickets(first: $first) {
    edges { node {
      number subject status { slug name } order { number }
      lastComment { body } attachmentCount
    } }
  }
}
"""

CREATE = """
mutation Create($input: TicketCreateInput!) {
  ticketCreate(input: $input) { errors { code } ticket { number lines { quantity } } }
}
"""


def count_queries(api, query, variables) -> int:
    """Statements one request sends. SAVEPOINT/RELEASE are left out: they exist only
    because the test runs inside a transaction (in production the action's atomic block
    is the outermost one, whose BEGIN/COMMIT are not statements Django logs)."""
    with CaptureQueriesContext(connection) as captured:
        api(query, variables)
    return len(
        [
            q
            for q in captured.captured_queries
            if not q["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))
        ]
    )


def cost_beyond_authentication(api, query, variables) -> tuple[int, int]:
    """(queries of the request, queries of authenticating alone): authentication is the
    host's (a staff user in a group: 4 on the stand-in host, which reads channels by
    Saleor's rule; Saleor's own count inside Saleor)."""
    return count_queries(api, query, variables), count_queries(
        api, "{ __typename }", {}
    )


def _inbox(count, customer, staff_user, channel):
    for index in range(count):
        order = OrderFactory(user=customer, channel=channel)
        OrderLineFactory(order=order)
        actor = Actor.customer(customer)
        ticket = make_ticket(actor, order_id=order.pk, subject=f"t{index}")
        add_attachments(actor, ticket.pk, [AttachmentFileFactory.png()])
        assign_ticket(Actor.system(), ticket.pk, staff_user.pk)


@pytest.mark.parametrize("page", [10, 100])
def test_staff_inbox_page_costs_the_same_at_10_and_100(
    staff_api, customer, staff_user, channel, page
):
    # given more tickets than fit a page
    _inbox(page + 2, customer, staff_user, channel)

    # then one request costs the same at any page size: count 1, the page with its
    # status, priority, customer, assignee and order joined 1, last comments 1,
    # attachment counts 1; plus authentication
    total, authentication = cost_beyond_authentication(
        staff_api, STAFF_INBOX, {"first": page}
    )
    assert total - authentication == 4
    assert total <= 10


@pytest.mark.parametrize("page", [10, 100])
@pytest.mark.parametrize("field", ["STATUS", "PRIORITY", "ASSIGNEE", "CHANNEL"])
def test_inbox_sorted_by_a_related_column_costs_the_same_at_10_and_100(
    staff_api, customer, staff_user, channel, page, field
):
    # given more tickets than fit a page
    _inbox(page + 2, customer, staff_user, channel)

    # then: as the plain inbox, but the page is read group by group: the values
    # present 1, the related rows in key order 1, the union of the groups 1, the rows
    # by id 1 (see tickets/related_order.py), however many groups and rows
    total, authentication = cost_beyond_authentication(
        staff_api,
        STAFF_INBOX,
        {"first": page, "sortBy": {"field": field, "direction": "ASC"}},
    )
    assert total - authentication == 4 + 3


def test_a_customers_tickets_with_many_comments_stay_within_budget(
    customer_api, customer, staff_actor, channel
):
    actor = Actor.customer(customer)
    for index in range(20):
        ticket = make_ticket(actor, channel_id=channel.pk, subject=f"t{index}")
        for n in range(49):
            add_comment(staff_actor if n % 2 else actor, ticket.pk, f"c{n}")

    # count 1, page 1, last comments 1, attachment counts 1; plus authentication
    total, authentication = cost_beyond_authentication(
        customer_api, MY_TICKETS, {"first": 20}
    )
    assert total - authentication == 4
    assert total <= 8


def test_creating_a_ticket_with_two_lines_stays_within_budget(customer_api, order):
    mug, pot = order.lines.order_by("product_name")
    variables = {
        "input": {
            "subject": "Zwei Dinge",
            "body": "Beide kaputt.",
            "kind": "COMPLAINT",
            "order": Node.to_global_id("Order", str(order.pk)),
            "lines": [
                {
                    "orderLineId": Node.to_global_id("OrderLine", str(mug.pk)),
                    "quantity": 1,
                },
                {
                    "orderLineId": Node.to_global_id("OrderLine", str(pot.pk)),
                    "quantity": 1,
                },
            ],
        }
    }

    # the host's note on the order's timeline costs what the host spends on it (1 on
    # the stand-in host; Saleor adds a customer event when the customer writes)
    with CaptureQueriesContext(connection) as note:
        get_host().add_order_note(
            order=order, actor=Actor.customer(order.user), message="x"
        )
    # order with user and channel 1, channel settings 1, order lines 1; initial
    # status with the default priority and the responsible agent as subqueries 1;
    # ticket (number from the sequence in the INSERT) 1, complaint 1, lines 1, first
    # comment 1, both events 1; the search vectors (one UPDATE computing them from the
    # rows just written) 1; service levels in use (an active policy or an open
    # target, one UNION query; none here) 1; active webhook subscriptions 1 (none
    # here); e-mails:
    # agents with their queues 1, merchant texts 1, the outbox INSERT 1 (the planner
    # reuses the ticket, comment and policy the action holds; the answer reuses the
    # lines just written); plus authentication and the host's note
    total, authentication = cost_beyond_authentication(customer_api, CREATE, variables)
    # The helpdesk's own part, exactly. With the stand-in host's authentication (1) and
    # note (1) the request is the 15 plus the search index's 1 and the service
    # levels' 1; inside Saleor both are Saleor's own costs.
    assert total - authentication - len(note.captured_queries) == 15


SUPPORT_AGENT_CANDIDATES = """
query Candidates($search: String, $first: Int) {
  supportAgentCandidates(search: $search, first: $first) { id email firstName lastName }
}
"""


@pytest.mark.parametrize("staff", [5, 50])
def test_support_agent_candidates_cost_one_query_at_any_size(
    staff_api, staff_user, staff
):
    # given staff outside the team (and the caller, an agent who manages the settings)
    grant(staff_user, "MANAGE_PLUGINS")
    for index in range(staff):
        StaffFactory(email=f"mitarbeiter{index:02}@shop.example")

    # then the list costs one query, searched or not, at any size: active staff
    # without a team membership (a NOT EXISTS subquery); plus authentication
    for variables in ({"first": 100}, {"search": "Mitarbeiter shop", "first": 100}):
        total, authentication = cost_beyond_authentication(
            staff_api, SUPPORT_AGENT_CANDIDATES, variables
        )
        assert total - authentication == 1
