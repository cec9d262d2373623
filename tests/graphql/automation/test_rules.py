"""Rules through the API: the done-when rule of issue 14, typed errors, the dry run."""

from decimal import Decimal

import pytest
from graphene.relay import Node

from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.models import AutomationRule
from tests.automation.helpers import defective_complaint
from tests.factories import OrderFactory, OrderLineFactory, grant, make_ticket
from tests.graphql.automation import operations as op
from tests.graphql.automation.conftest import everything

pytestmark = pytest.mark.django_db


def gid(type_name, pk):
    return Node.to_global_id(type_name, str(pk))


DONE_WHEN = {
    "name": "Defekte Ware über 200 EUR an Senior",
    "trigger": "TICKET_CREATED",
    "conditions": [
        {"field": "KIND", "operator": "IN", "values": ["complaint"]},
        {"field": "COMPLAINT_REASON", "operator": "IN", "values": ["defective"]},
        {"field": "ORDER_TOTAL", "operator": "GT", "values": ["200"]},
    ],
}


def test_the_done_when_rule_is_saved_with_global_ids(manager_api, senior):
    # when the merchant saves the rule of the done-when scenario
    data = manager_api(
        op.AUTOMATION_RULE_CREATE,
        {
            "input": {
                **DONE_WHEN,
                "actions": [
                    {"type": "ASSIGN_USER", "values": [gid("User", senior.pk)]},
                    {"type": "SET_PRIORITY", "values": ["high"]},
                ],
            }
        },
    )["automationRuleCreate"]
    # then it reads back as sent, and is stored with the database id
    assert data["errors"] == []
    rule = data["rule"]
    assert rule["conditions"][2] == {
        "field": "ORDER_TOTAL",
        "operator": "GT",
        "values": ["200"],
    }
    assert rule["actions"][0] == {
        "type": "ASSIGN_USER",
        "values": [gid("User", senior.pk)],
    }
    stored = AutomationRule.objects.get()
    assert stored.actions[0] == {"type": "assign_user", "values": [str(senior.pk)]}


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (
            {
                "conditions": [
                    {"field": "ORDER_TOTAL", "operator": "IN", "values": ["x"]}
                ]
            },
            {
                "field": "conditions",
                "code": "INVALID",
                "message": "Condition 1: 'order_total' takes the operators gt, gte, "
                "lt, lte, eq, not 'in'.",
            },
        ),
        (
            {"actions": [{"type": "SET_PRIORITY", "values": ["sofort"]}]},
            {
                "field": "actions",
                "code": "NOT_FOUND",
                "message": "Action 1: priority 'sofort' not found.",
            },
        ),
        (
            {"actions": [{"type": "ASSIGN_USER", "values": ["42"]}]},
            {
                "field": "actions",
                "code": "INVALID",
                "message": "Invalid ID: expected an ID of type User.",
            },
        ),
    ],
)
def test_bad_rules_are_typed_errors_and_save_nothing(manager_api, given, expected):
    before = everything()
    payload = {
        **DONE_WHEN,
        "actions": [{"type": "SET_PRIORITY", "values": ["high"]}],
        **given,
    }
    data = manager_api(op.AUTOMATION_RULE_CREATE, {"input": payload})
    assert data["automationRuleCreate"]["errors"] == [expected]
    assert everything() == before


def test_dry_run_shows_matches_and_changes_nothing(
    manager, manager_api, customer, channel
):
    # (the matches are tickets: the caller sees those MANAGE_ORDERS lets them see)
    grant(manager, "MANAGE_ORDERS")
    # given two complaints, one on an order over 200 EUR, and a question
    big = OrderFactory(user=customer, channel=channel)
    OrderLineFactory(order=big, quantity=1, unit_price_gross_amount=Decimal("250"))
    small = OrderFactory(user=customer, channel=channel)
    OrderLineFactory(order=small, quantity=1, unit_price_gross_amount=Decimal("20"))
    actor = Actor.customer(customer)
    matching = defective_complaint(actor, big)
    defective_complaint(actor, small)
    make_ticket(actor, channel_id=channel.pk)
    before = everything()
    # when the merchant tries the rule's conditions
    data = manager_api(
        op.AUTOMATION_RULE_DRY_RUN,
        {"input": {"conditions": DONE_WHEN["conditions"], "limit": 50}},
    )["automationRuleDryRun"]
    # then only the big order's complaint matches, and nothing was written
    assert data["matches"] == [
        {"id": gid("Ticket", matching.pk), "number": matching.number}
    ]
    assert data["examined"] == 2  # the question was left out in SQL
    assert everything() == before


def test_dry_run_limit_is_checked(manager_api):
    body = manager_api.post(
        op.AUTOMATION_RULE_DRY_RUN,
        {"input": {"conditions": [], "limit": 5000}},
    ).json()
    assert body["errors"][0]["extensions"] == {"code": "INVALID", "field": "limit"}
