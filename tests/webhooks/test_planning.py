"""Timeline events → delivery rows, in the change's transaction: topics, payloads,
filters, internal notes, rollbacks and the query bound of a batch."""

import uuid

import pytest
from django.db import transaction

from saleor_helpdesk.actions import (
    add_comment,
    assign_ticket,
    change_priority,
    close_ticket,
    decide_complaint,
    merge_tickets,
    reopen_ticket,
    unassign_ticket,
)
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.models import (
    Priority,
    TicketEvent,
    WebhookDelivery,
    WebhookSubscription,
)
from saleor_helpdesk.timeline import side_effects
from saleor_helpdesk.timeline.events import refund_requested_event, refund_updated_event
from saleor_helpdesk.webhooks.payloads import TOPICS
from saleor_helpdesk.webhooks.planner import plan_deliveries
from tests.factories import make_complaint, make_ticket


def gid(type_name, pk):
    from graphene.relay import Node

    return Node.to_global_id(type_name, str(pk))


def subscribe(**fields):
    fields.setdefault("name", "ERP")
    fields.setdefault("target_url", "https://erp.example.com/hooks")
    fields.setdefault("events", list(TOPICS))
    fields.setdefault("reader_kind", "system")
    return WebhookSubscription.objects.create(**fields)


def topics(subscription=None):
    rows = WebhookDelivery.objects.order_by("pk")
    if subscription is not None:
        rows = rows.filter(subscription=subscription)
    return [row.topic for row in rows]


def test_a_new_complaint_is_ticket_created_and_complaint_created(
    db, customer, order, customer_actor
):
    subscription = subscribe()
    line = order.lines.order_by("product_name").first()

    ticket = make_complaint(customer_actor, order, [(line, 1)], subject="Becher")

    created, complaint, comment = WebhookDelivery.objects.order_by("pk")
    assert [created.topic, complaint.topic, comment.topic] == [
        "ticket.created",
        "complaint.created",
        "comment.created",
    ]
    assert created.subscription == subscription
    assert created.status == "pending"
    payload = created.payload
    assert payload["id"] == str(created.event_id)
    assert payload["type"] == "ticket.created"
    assert payload["timestamp"]
    assert payload["ticket"] == {
        "id": gid("Ticket", ticket.pk),
        "number": ticket.number,
        "kind": "complaint",
        "subject": "Becher",
        "status": ticket.status.slug,
        "priority": ticket.priority.slug,
        "channel": "default-channel",
        "created_at": ticket.created_at.isoformat(),
        "order": {"id": gid("Order", order.pk), "number": order.number},
        "customer": {
            "id": gid("User", customer.pk),
            "email": customer.email,
            "name": ticket.customer_name,
        },
    }
    # each topic of an event has its own stable id
    assert created.event_id != complaint.event_id
    assert comment.payload["comment"]["body"] == "<p>The mug was broken.</p>"
    assert comment.payload["comment"]["visibility"] == "public"
    assert comment.payload["comment"]["author_type"] == "customer"


def test_a_guest_ticket_without_order_has_null_order_and_customer_id(db):
    subscribe(events=["ticket.created"])

    make_ticket(customer_email="gast@example.de")

    [delivery] = WebhookDelivery.objects.all()
    assert delivery.payload["ticket"]["order"] is None
    assert delivery.payload["ticket"]["customer"]["id"] is None
    assert delivery.payload["ticket"]["customer"]["email"] == "gast@example.de"


def test_every_step_of_a_ticket_has_its_topic(db, staff_actor, colleague, customer):
    subscribe()
    ticket = make_ticket(customer_email=customer.email)
    other = make_ticket(customer_email=customer.email)
    WebhookDelivery.objects.all().delete()

    assign_ticket(staff_actor, ticket.pk, colleague.pk)
    unassign_ticket(staff_actor, ticket.pk)
    change_priority(
        staff_actor, ticket.pk, Priority.objects.exclude(is_default=True).first().pk
    )
    close_ticket(staff_actor, ticket.pk)
    reopen_ticket(staff_actor, ticket.pk)
    merge_tickets(staff_actor, other.pk, ticket.pk)

    assert topics() == [
        "ticket.assigned",
        "ticket.assigned",
        "ticket.updated",
        "ticket.status_changed",
        "ticket.closed",
        "ticket.status_changed",
        "ticket.reopened",
        # the merged ticket is closed, then reported as merged
        "ticket.status_changed",
        "ticket.closed",
        "ticket.merged",
    ]
    assigned = WebhookDelivery.objects.filter(topic="ticket.assigned").order_by("pk")[0]
    assert assigned.payload["changes"] == {
        "assignee": gid("User", colleague.pk),
        "previous_assignee": None,
    }
    merged = WebhookDelivery.objects.get(topic="ticket.merged")
    assert merged.payload["ticket"]["id"] == gid("Ticket", other.pk)
    assert merged.payload["changes"]["into"] == gid("Ticket", ticket.pk)


def test_complaint_decided_and_refunds(db, staff_actor, customer_actor, order):
    subscribe()
    ticket = make_complaint(customer_actor, order)
    WebhookDelivery.objects.all().delete()

    decide_complaint(staff_actor, ticket.pk, "refund")
    refund_requested_event(
        ticket=ticket, actor=staff_actor, amount="9.99", currency="EUR", reference="r1"
    )
    refund_updated_event(
        ticket=ticket, actor=Actor.system(), reference="r1", state="pending"
    )
    refund_updated_event(
        ticket=ticket, actor=Actor.system(), reference="r1", state="succeeded"
    )

    assert topics() == ["complaint.decided", "refund.requested", "refund.completed"]
    requested = WebhookDelivery.objects.get(topic="refund.requested")
    assert requested.payload["changes"] == {
        "amount": "9.99",
        "currency": "EUR",
        "reference": "r1",
    }


def test_internal_notes_go_only_to_subscriptions_that_opt_in(db, staff_actor):
    everyone = subscribe(name="everyone")
    insiders = subscribe(name="insiders", include_internal_comments=True)
    ticket = make_ticket()
    WebhookDelivery.objects.all().delete()

    add_comment(staff_actor, ticket.pk, "Kunde ist schwierig.", internal=True)
    add_comment(staff_actor, ticket.pk, "Danke für Ihre Geduld.")

    assert topics(everyone) == ["comment.created"]
    assert (
        WebhookDelivery.objects.get(subscription=everyone).payload["comment"]["body"]
        == "Danke für Ihre Geduld."
    )
    assert topics(insiders) == ["comment.created", "comment.created"]
    note = WebhookDelivery.objects.filter(subscription=insiders).order_by("pk").first()
    assert note.payload["comment"]["visibility"] == "internal"
    assert note.payload["comment"]["body"] == "Kunde ist schwierig."
    # nothing about the note leaks elsewhere
    assert not WebhookDelivery.objects.filter(
        subscription=everyone, payload__comment__visibility="internal"
    ).exists()


def test_topics_channels_and_active_flag_filter(db, channel, other_channel):
    only_created = subscribe(name="a", events=["ticket.created"])
    other_shop = subscribe(name="b", channel_ids=[other_channel.pk])
    inactive = subscribe(name="c", is_active=False)

    make_ticket(channel_id=channel.pk)

    assert topics(only_created) == ["ticket.created"]
    assert topics(other_shop) == []
    assert topics(inactive) == []


def test_a_rolled_back_action_plans_nothing(db, staff_actor, colleague):
    subscribe()
    ticket = make_ticket()
    WebhookDelivery.objects.all().delete()

    with pytest.raises(RuntimeError), transaction.atomic():
        assign_ticket(staff_actor, ticket.pk, colleague.pk)
        assert topics() == ["ticket.assigned"]  # written inside the transaction
        raise RuntimeError("the change fails after its event was written")

    assert WebhookDelivery.objects.count() == 0
    assert not TicketEvent.objects.filter(type="assigned").exists()


def test_deliveries_are_sent_only_after_commit(
    db, staff_actor, colleague, django_capture_on_commit_callbacks
):
    subscribe()
    ticket = make_ticket()

    with django_capture_on_commit_callbacks() as callbacks:
        assign_ticket(staff_actor, ticket.pk, colleague.pk)

    # a dispatch queued for after the commit; nothing sent inside the transaction
    assert [c for c in callbacks if "plan_deliveries" in c.__qualname__]
    assert WebhookDelivery.objects.filter(topic="ticket.assigned").get().attempts == 0


def test_event_ids_are_stable_per_event_and_topic(db):
    subscribe()
    subscribe(name="second")
    make_ticket()

    first, second = (
        WebhookDelivery.objects.filter(topic="ticket.created").order_by("pk").all()
    )
    # the same event has the same id for every subscription
    assert first.event_id == second.event_id
    assert isinstance(first.event_id, uuid.UUID)


def test_a_batch_of_100_events_is_planned_in_a_bounded_number_of_queries(
    db, staff_actor, colleague, django_assert_max_num_queries
):
    subscribe(name="one")
    subscribe(name="two", include_internal_comments=True)
    tickets = [make_ticket(subject=f"t{n}") for n in range(50)]
    with transaction.atomic(), side_effects.batched():
        for ticket in tickets:
            add_comment(staff_actor, ticket.pk, "Antwort")
            assign_ticket(staff_actor, ticket.pk, colleague.pk)
    events = list(
        TicketEvent.objects.filter(type__in=["comment_added", "assigned"]).order_by(
            "-pk"
        )[:100]
    )
    WebhookDelivery.objects.all().delete()

    # subscriptions 1, tickets with status/priority/channel/order 1, comments 1,
    # one insert of every delivery 1
    with django_assert_max_num_queries(4):
        created = plan_deliveries(events)

    assert len(created) == 200


def test_a_bulk_action_plans_once(db, staff_actor, colleague):
    subscribe()
    tickets = [make_ticket(subject=f"t{n}") for n in range(5)]
    WebhookDelivery.objects.all().delete()

    with transaction.atomic(), side_effects.batched():
        for ticket in tickets:
            assign_ticket(staff_actor, ticket.pk, colleague.pk)

    assert topics() == ["ticket.assigned"] * 5


def test_no_subscription_costs_one_query(db, django_assert_num_queries):
    make_ticket()
    events = list(TicketEvent.objects.all())

    with django_assert_num_queries(1):
        assert plan_deliveries(events) == []
