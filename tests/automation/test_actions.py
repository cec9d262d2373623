"""Every action a rule can take, run through the engine as the rule's actor: each
change goes through the domain action, and its timeline event names the rule."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from saleor_helpdesk.automation.actions import ActionType, clean_actions
from saleor_helpdesk.automation.engine import run_rules
from saleor_helpdesk.core.constants import TicketEventType
from saleor_helpdesk.models import (
    Comment,
    EmailMessage,
    QueueCursor,
    ResponseTemplate,
    RuleRun,
    SupportAgent,
    Ticket,
    TicketEvent,
    TicketTag,
    WebhookDelivery,
    WebhookSubscription,
)
from tests.factories import StaffFactory, SupportAgentFactory, make_ticket

pytestmark = pytest.mark.django_db


def act(make_rule, ticket, *actions, **fields):
    rule = make_rule(actions=list(actions), **fields)
    outcomes = run_rules(ticket.pk, "ticket_created", "created")
    return rule, outcomes


def events_of(ticket, type_):
    return list(TicketEvent.objects.filter(ticket=ticket, type=type_))


def test_assign_user(make_rule, senior):
    ticket = make_ticket()
    rule, outcomes = act(
        make_rule, ticket, {"type": "assign_user", "values": [str(senior.pk)]}
    )
    ticket.refresh_from_db()
    assert ticket.assignee_id == senior.pk
    [assigned] = events_of(ticket, TicketEventType.ASSIGNED)
    assert assigned.parameters["rule_id"] == rule.pk
    assert assigned.parameters["rule"] == rule.name
    [applied] = events_of(ticket, TicketEventType.RULE_APPLIED)
    assert applied.parameters == {
        "trigger": "ticket_created",
        "actions": ["assign_user"],
        "webhook": False,
        "error": "",
        "rule_id": rule.pk,
        "rule": rule.name,
    }
    assert [o.rule_id for o in outcomes] == [rule.pk]


def test_round_robin_takes_the_queue_agents_in_turn(make_rule, queue, staff_user):
    agents = [
        SupportAgentFactory(user=StaffFactory(email=f"q{i}@shop.example")).user
        for i in range(3)
    ]
    for agent in agents:
        SupportAgent.objects.get(user=agent).contacts.add(queue)
    make_rule(actions=[{"type": "assign_round_robin", "values": [queue.slug]}])
    assigned = []
    for _ in range(4):
        ticket = make_ticket()
        run_rules(ticket.pk, "ticket_created", "created")
        ticket.refresh_from_db()
        assigned.append(ticket.assignee_id)
    ids = sorted(agent.pk for agent in agents)
    assert assigned == [*ids, ids[0]]
    assert QueueCursor.objects.get(contact=queue).last_user_id == ids[0]


def test_priority_category_status_due(make_rule):
    ticket = make_ticket()
    before = timezone.now()
    act(
        make_rule,
        ticket,
        {"type": "set_priority", "values": ["urgent"]},
        {"type": "set_category", "values": ["shipping"]},
        {"type": "set_status", "values": ["open"]},
        {"type": "set_due_in_hours", "values": ["24"]},
    )
    ticket.refresh_from_db()
    assert ticket.priority.slug == "urgent"
    assert ticket.category.slug == "shipping"
    assert ticket.status.slug == "open"
    assert before + timedelta(hours=24) <= ticket.due_date
    for type_ in (
        TicketEventType.PRIORITY_CHANGED,
        TicketEventType.CATEGORY_CHANGED,
        TicketEventType.STATUS_CHANGED,
        TicketEventType.DUE_DATE_CHANGED,
    ):
        assert events_of(ticket, type_)[0].parameters["rule"]


def test_add_and_remove_tags(make_rule, vip, defect_tag):
    ticket = make_ticket()
    TicketTag.objects.create(ticket=ticket, tag=defect_tag)
    act(
        make_rule,
        ticket,
        {"type": "add_tags", "values": ["vip"]},
        {"type": "remove_tags", "values": ["defect"]},
    )
    assert set(
        TicketTag.objects.filter(ticket=ticket).values_list("tag__slug", flat=True)
    ) == {"vip"}
    changes = [e.parameters for e in events_of(ticket, TicketEventType.TAGS_CHANGED)]
    assert [(c["added"], c["removed"]) for c in changes] == [
        (["vip"], []),
        ([], ["defect"]),
    ]


def test_reply_with_template_reaches_the_customer(
    make_rule, django_capture_on_commit_callbacks
):
    template = ResponseTemplate.objects.create(
        name="Eingang",
        language_code="de",
        body="<p>Danke, wir kümmern uns um #{{ ticket.number }}.</p>",
    )
    ticket = make_ticket()
    act(
        make_rule,
        ticket,
        {"type": "reply_with_template", "values": [str(template.pk)]},
    )
    reply = Comment.objects.filter(ticket=ticket).order_by("pk").last()
    assert reply.visibility == "public"
    assert f"#{ticket.number}" in reply.body
    [event] = events_of(ticket, TicketEventType.COMMENT_ADDED)[1:]
    assert event.parameters["rule"]
    assert EmailMessage.objects.filter(ticket=ticket).exists()


def test_add_note_is_internal(make_rule):
    ticket = make_ticket()
    act(make_rule, ticket, {"type": "add_note", "values": ["<p>Check stock</p>"]})
    note = Comment.objects.filter(ticket=ticket, visibility="internal").get()
    assert note.body == "<p>Check stock</p>"
    assert events_of(ticket, TicketEventType.NOTE_ADDED)[0].parameters["rule"]


def test_send_webhook_plans_a_signed_delivery_naming_the_rule(make_rule, staff_user):
    WebhookSubscription.objects.create(
        name="ERP",
        target_url="https://erp.example/hook",
        events=["ticket.rule_matched"],
        reader_kind="system",
    )
    ticket = make_ticket()
    rule, _ = act(make_rule, ticket, {"type": "send_webhook", "values": []})
    delivery = WebhookDelivery.objects.get(topic="ticket.rule_matched")
    assert delivery.payload["changes"]["rule"] == rule.name
    assert delivery.ticket_id == ticket.pk


def test_refused_action_rolls_back_the_rule_and_records_why(make_rule, senior):
    ticket = make_ticket()
    # The first action would work; the second is refused (assignee left the team).
    rule = make_rule(
        actions=[
            {"type": "set_priority", "values": ["urgent"]},
            {"type": "assign_user", "values": [str(senior.pk)]},
        ]
    )
    senior.is_active = False
    senior.save(update_fields=["is_active"])
    [outcome] = run_rules(ticket.pk, "ticket_created", "created")
    ticket.refresh_from_db()
    assert ticket.priority.slug == "normal"
    assert "support team" in outcome.error
    assert RuleRun.objects.get(rule=rule).error == outcome.error
    [applied] = events_of(ticket, TicketEventType.RULE_APPLIED)
    assert "support team" in applied.parameters["error"]


def test_every_action_type_is_tested_here():
    tested = {
        "assign_user", "assign_round_robin", "set_priority", "set_category",
        "set_status", "set_due_in_hours", "add_tags", "remove_tags",
        "reply_with_template", "add_note", "send_webhook",
    }  # fmt: skip
    assert tested == {a.value for a in ActionType}


@pytest.mark.parametrize(
    ("actions", "message", "code"),
    [
        ([], "Give the rule at least one action.", "required"),
        ([{"type": "explode", "values": []}], "Action 1: unknown action 'explode'.", "invalid"),
        ([{"type": "set_priority", "values": ["sky-high"]}], "Action 1: priority 'sky-high' not found.", "not_found"),
        ([{"type": "set_priority", "values": []}], "Action 1: 'set_priority' takes exactly one value.", "invalid"),
        ([{"type": "send_webhook", "values": ["x"]}], "Action 1: 'send_webhook' takes no values.", "invalid"),
        ([{"type": "add_tags", "values": ["nope"]}], "Action 1: tag 'nope' not found.", "not_found"),
        ([{"type": "assign_user", "values": ["abc"]}], "Action 1: 'abc' is not an id.", "invalid"),
        ([{"type": "set_due_in_hours", "values": ["-3"]}], "Action 1: give a number of hours between 0 and 8784.", "invalid"),
        ([{"type": "add_note", "values": ["<p> </p>"]}], "Action 1: write the note.", "empty_body"),
        ([{"type": "reply_with_template", "values": ["999999"]}], "Action 1: response template not found.", "not_found"),
    ],
)  # fmt: skip
def test_bad_actions_are_typed_errors(actions, message, code):
    with pytest.raises(ValidationError) as error:
        clean_actions(actions)
    detail = error.value.error_dict["actions"][0]
    assert (detail.message, detail.code) == (message, code)


def test_assign_user_must_be_a_support_agent(staff_without_permission_actor):
    outsider = staff_without_permission_actor.user
    with pytest.raises(ValidationError) as error:
        clean_actions([{"type": "assign_user", "values": [str(outsider.pk)]}])
    assert error.value.error_dict["actions"][0].code == "not_a_support_agent"
    assert Ticket.objects.count() == 0
