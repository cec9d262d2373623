"""Every condition a rule can test, on real tickets, and their validation."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from saleor_helpdesk.actions import change_category
from saleor_helpdesk.automation.conditions import (
    TICKET_RELATIONS,
    ConditionField,
    clean_conditions,
    load_facts,
    matches,
)
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.models import Category, Ticket, TicketTag
from tests.automation.helpers import defective_complaint
from tests.factories import OrderFactory, make_ticket

pytestmark = pytest.mark.django_db


def facts_for(ticket, conditions, **context):
    ticket = Ticket.objects.select_related(*TICKET_RELATIONS).get(pk=ticket.pk)
    cleaned = clean_conditions(conditions)
    needed = {c["field"] for c in cleaned}
    return load_facts([ticket], needed, context)[0], cleaned


def holds(ticket, *conditions, **context):
    facts, cleaned = facts_for(ticket, list(conditions), **context)
    return matches(cleaned, facts)


def cond(field, operator, *values):
    return {"field": field, "operator": operator, "values": list(values)}


@pytest.fixture
def complaint(customer_actor, big_order):
    return defective_complaint(customer_actor, big_order)


def test_kind(complaint):
    assert holds(complaint, cond("kind", "in", "complaint"))
    assert not holds(complaint, cond("kind", "in", "question"))
    assert holds(complaint, cond("kind", "not_in", "question"))


def test_category(complaint, settings_actor):
    assert not holds(complaint, cond("category", "in", "defect"))
    change_category(
        Actor.system(), complaint.pk, Category.objects.get(slug="defect").pk
    )
    assert holds(complaint, cond("category", "in", "defect", "damaged"))


def test_complaint_reason(complaint):
    assert holds(complaint, cond("complaint_reason", "in", "defective"))
    assert not holds(complaint, cond("complaint_reason", "in", "wrong_item"))
    assert holds(complaint, cond("complaint_reason", "not_in", "wrong_item"))


def test_channel_language_contact_priority_status(complaint, queue):
    assert holds(complaint, cond("channel", "in", "default-channel"))
    assert not holds(complaint, cond("channel", "in", "other-channel"))
    assert holds(complaint, cond("language", "in", complaint.language_code.upper()))
    assert not holds(complaint, cond("contact", "in", "customer-service"))
    assert holds(complaint, cond("contact", "not_in", "customer-service"))
    assert holds(complaint, cond("priority", "in", "normal"))
    assert holds(complaint, cond("status", "in", "new"))
    assert holds(complaint, cond("status_group", "in", "new"))
    assert not holds(complaint, cond("status_group", "in", "closed"))


def test_tags(complaint, vip, defect_tag):
    TicketTag.objects.create(ticket=complaint, tag=vip)
    assert holds(complaint, cond("tags", "any", "vip", "defect"))
    assert not holds(complaint, cond("tags", "all", "vip", "defect"))
    assert holds(complaint, cond("tags", "all", "vip"))
    assert holds(complaint, cond("tags", "none", "defect"))
    assert not holds(complaint, cond("tags", "none", "vip"))


def test_text_contains_reads_subject_and_words_not_markup(complaint):
    assert holds(complaint, cond("text", "contains", "DEFEKT"))
    assert holds(complaint, cond("text", "contains", "pumpe brummt"))
    assert not holds(complaint, cond("text", "contains", "<b>"))
    assert holds(complaint, cond("text", "not_contains", "Rechnung"))


def test_customer_order_count_and_total_spent(complaint, big_order, customer):
    OrderFactory(
        user=customer, channel=big_order.channel, total_gross_amount=Decimal("50")
    )
    OrderFactory(
        user=customer,
        channel=big_order.channel,
        total_gross_amount=Decimal("1000"),
        status="draft",
    )
    assert holds(complaint, cond("customer_order_count", "eq", "2"))
    assert holds(complaint, cond("customer_total_spent", "gte", "299.90"))
    assert not holds(complaint, cond("customer_total_spent", "gt", "299.90"))


def test_guest_customer_counted_by_address(channel):
    OrderFactory(
        user=None,
        user_email="gast@example.de",
        channel=channel,
        total_gross_amount=Decimal("30"),
    )
    ticket = make_ticket(customer_email="gast@example.de")
    assert holds(ticket, cond("customer_order_count", "eq", "1"))
    assert holds(ticket, cond("customer_total_spent", "lt", "31"))


def test_order_total_status_and_payment(complaint):
    assert holds(complaint, cond("order_total", "gt", "200"))
    assert not holds(complaint, cond("order_total", "gt", "250"))
    assert holds(complaint, cond("order_status", "in", "unfulfilled"))
    assert holds(complaint, cond("order_payment", "in", "full"))
    assert not holds(complaint, cond("order_payment", "in", "none"))


def test_ticket_without_order_matches_no_order_condition():
    ticket = make_ticket()
    assert not holds(ticket, cond("order_total", "lt", "1000"))
    assert not holds(ticket, cond("order_status", "in", "unfulfilled"))
    assert holds(ticket, cond("order_status", "not_in", "unfulfilled"))


def test_idle_hours(complaint):
    Ticket.objects.filter(pk=complaint.pk).update(
        last_activity_at=timezone.now() - timedelta(days=8)
    )
    assert holds(complaint, cond("idle_hours", "gte", "168"))
    assert not holds(complaint, cond("idle_hours", "lt", "168"))


def test_rating_and_order_event_read_the_context(complaint):
    assert holds(complaint, cond("rating", "lte", "2"), rating=1)
    assert not holds(complaint, cond("rating", "lte", "2"), rating=4)
    assert not holds(complaint, cond("rating", "lte", "2"))
    assert holds(
        complaint, cond("order_event", "in", "cancelled"), order_event="cancelled"
    )
    assert not holds(complaint, cond("order_event", "in", "cancelled"))


def test_every_field_is_tested_here():
    tested = {
        "kind",
        "category",
        "complaint_reason",
        "channel",
        "language",
        "contact",
        "priority",
        "status",
        "status_group",
        "tags",
        "text",
        "customer_order_count",
        "customer_total_spent",
        "order_total",
        "order_status",
        "order_payment",
        "order_event",
        "idle_hours",
        "rating",
    }
    assert tested == {f.value for f in ConditionField}


@pytest.mark.parametrize(
    ("conditions", "message"),
    [
        ("kind", "Conditions must be a list."),
        ([cond("colour", "in", "red")], "Condition 1: unknown field 'colour'."),
        ([cond("kind", "like", "x")], "Condition 1: unknown operator 'like'."),
        (
            [cond("order_total", "in", "5")],
            "Condition 1: 'order_total' takes the operators gt, gte, lt, lte, eq, not 'in'.",
        ),
        ([cond("order_total", "gt", "lots")], "Condition 1: 'lots' is not a number."),
        (
            [cond("order_total", "gt", "1", "2")],
            "Condition 1: 'order_total' takes exactly one value.",
        ),
        ([cond("kind", "in")], "Condition 1: give at least one value."),
        (
            [cond("kind", "in", "complaint"), cond("kind", "in", "parcel")],
            "Condition 2: 'parcel' is not one of question, complaint, refund_request, "
            "order_problem, other.",
        ),
        (
            [{"field": "kind", "operator": "in", "values": [3]}],
            "Condition 1: values must be a list of strings.",
        ),
    ],
)
def test_bad_conditions_are_typed_errors(conditions, message):
    with pytest.raises(ValidationError) as error:
        clean_conditions(conditions)
    detail = error.value.error_dict["conditions"][0]
    assert detail.message == message
    assert detail.code == "invalid"
