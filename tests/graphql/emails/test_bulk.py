"""A bulk update of 100 tickets plans its e-mails in a bounded number of queries: the
same request costs 6 more with the e-mail planner than without it, for 200 e-mails."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from graphene.relay import Node

from saleor_helpdesk.models import EmailMessage
from saleor_helpdesk.notifications.planner import plan_emails
from saleor_helpdesk.timeline import side_effects
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


def test_a_bulk_update_of_100_tickets_plans_its_emails_in_bounded_queries(
    staff_api, channel, colleague, monkeypatch
):
    first = [make_ticket(channel_id=channel.pk, subject=f"a{n}") for n in range(100)]
    second = [make_ticket(channel_id=channel.pk, subject=f"b{n}") for n in range(100)]
    EmailMessage.objects.all().delete()

    with monkeypatch.context() as patched:
        others = [p for p in side_effects._planners if p is not plan_emails]
        patched.setattr(side_effects, "_planners", others)
        without = _bulk(staff_api, first, colleague)
    assert not EmailMessage.objects.exists()

    with_emails = _bulk(staff_api, second, colleague)

    # tickets with their relations 1, statuses 1, assignees 1, channel settings 1,
    # the recipients' access in the shop 1, merchant texts 1, one INSERT of every
    # message 1; for the closes, the survey's settings 1 and the tickets rated already 1
    assert with_emails - without == 9
    counts = {
        name: EmailMessage.objects.filter(notification=name).count()
        for name in ("ticket_closed", "staff_assigned", "status_changed")
    }
    assert counts == {"ticket_closed": 100, "staff_assigned": 100, "status_changed": 0}
