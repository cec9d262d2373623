"""A bulk update of 100 tickets plans its webhook deliveries in a bounded number of
queries: the same request costs at most 3 more with two subscriptions than with none."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from graphene.relay import Node

from saleor_helpdesk.models import WebhookDelivery, WebhookSubscription
from saleor_helpdesk.webhooks.payloads import TOPICS
from tests.factories import make_ticket

BULK = """
mutation Bulk($ids: [ID!]!, $input: TicketBulkUpdateInput!) {
  ticketBulkUpdate(ids: $ids, input: $input) { errors { field code message } count }
}
"""


def _bulk(staff_api, tickets, colleague) -> int:
    variables = {
        "ids": [Node.to_global_id("Ticket", str(t.pk)) for t in tickets],
        "input": {"close": True, "assignee": Node.to_global_id("User", colleague.pk)},
    }
    with CaptureQueriesContext(connection) as captured:
        payload = staff_api(BULK, variables)["ticketBulkUpdate"]
    assert payload["errors"] == []
    assert payload["count"] == len(tickets)
    return len(captured.captured_queries)


def test_a_bulk_update_of_100_tickets_plans_deliveries_in_bounded_queries(
    staff_api, channel, colleague
):
    first = [make_ticket(channel_id=channel.pk, subject=f"a{n}") for n in range(100)]
    second = [make_ticket(channel_id=channel.pk, subject=f"b{n}") for n in range(100)]

    without = _bulk(staff_api, first, colleague)
    assert not WebhookDelivery.objects.exists()

    for name in ("ERP", "CRM"):
        WebhookSubscription.objects.create(
            name=name,
            target_url="https://erp.example.com/hooks",
            events=list(TOPICS),
            secret="s",
            reader_kind="system",
        )
    with_subscriptions = _bulk(staff_api, second, colleague)

    # tickets with their relations 1, one INSERT of every delivery 1 (no comments)
    assert with_subscriptions - without <= 3
    per_ticket = {
        topic: WebhookDelivery.objects.filter(topic=topic).count() // 2
        for topic in WebhookDelivery.objects.values_list("topic", flat=True).distinct()
    }
    assert per_ticket == {
        "ticket.assigned": 100,
        "ticket.status_changed": 100,
        "ticket.closed": 100,
    }
