"""A batch of events costs a bounded number of queries, however many tickets."""

from django.db import transaction

from saleor_helpdesk.core.constants import TicketEventType
from saleor_helpdesk.models import Comment, EmailMessage, TicketEvent
from saleor_helpdesk.notifications.planner import plan_emails
from tests.factories import ContactFactory, make_ticket


def test_planning_100_tickets_costs_a_bounded_number_of_queries(
    customer_actor, channel, staff_user, colleague, django_assert_max_num_queries
):
    queue = ContactFactory(slug="shop", name="Shop")
    tickets = [
        make_ticket(
            customer_actor, channel_id=channel.pk, subject=f"t{n}", contact_id=queue.pk
        )
        for n in range(100)
    ]
    EmailMessage.objects.all().delete()
    replies = Comment.objects.bulk_create(
        Comment(ticket=t, author_type="staff", author_user=staff_user, body="<p>Hi</p>")
        for t in tickets
    )
    events = TicketEvent.objects.bulk_create(
        [
            *[
                TicketEvent(
                    ticket=t,
                    type=TicketEventType.STATUS_CHANGED,
                    user=staff_user,
                    parameters={"old": "new", "new": "in_progress"},
                )
                for t in tickets
            ],
            *[
                TicketEvent(
                    ticket=t,
                    type=TicketEventType.COMMENT_ADDED,
                    user=staff_user,
                    parameters={"comment_id": c.pk, "medium": "dashboard"},
                )
                for t, c in zip(tickets, replies, strict=True)
            ],
            *[
                TicketEvent(
                    ticket=t,
                    type=TicketEventType.ASSIGNED,
                    user=staff_user,
                    parameters={
                        "assignee_id": colleague.pk,
                        "previous_assignee_id": None,
                    },
                )
                for t in tickets
            ],
            *[TicketEvent(ticket=t, type=TicketEventType.CREATED) for t in tickets],
        ]
    )

    # tickets, comments, statuses, assignees, channel settings, agents with their
    # queues, the staff recipients' access in the shop (1: their own permissions,
    # their groups' permissions and channels), merchant texts, one INSERT; plus the
    # savepoint around it (2)
    with django_assert_max_num_queries(11), transaction.atomic():
        plan_emails(events)

    counts = {
        name: EmailMessage.objects.filter(notification=name).count()
        for name in (
            "status_changed",
            "staff_reply",
            "staff_assigned",
            "ticket_received",
        )
    }
    assert counts == {
        "status_changed": 100,
        "staff_reply": 100,
        "staff_assigned": 100,
        "ticket_received": 100,
    }
