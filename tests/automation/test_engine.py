"""When rules run, in which order, once per occurrence, and never without end."""

from datetime import timedelta

import pytest
from django.utils import timezone

from saleor_helpdesk.actions import add_comment, close_ticket
from saleor_helpdesk.automation import triggers
from saleor_helpdesk.automation.engine import run_rules
from saleor_helpdesk.automation.schedule import run_scheduled_rules
from saleor_helpdesk.automation.triggers import MAX_DEPTH, fire, plan_automation
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.core.constants import OrderHappening, TicketEventType
from saleor_helpdesk.models import Macro, RuleRun, RuleTrigger, Ticket, TicketEvent
from saleor_helpdesk.sample_data.automation import (
    MACRO_NAME,
    install_automation_examples,
    senior_agent,
)
from saleor_helpdesk.timeline import side_effects
from saleor_helpdesk.timeline.order_events import record_order_happening
from tests.automation.helpers import defective_complaint
from tests.factories import make_ticket

pytestmark = pytest.mark.django_db

HIGH = {"type": "set_priority", "values": ["high"]}


def applied(ticket):
    return list(
        TicketEvent.objects.filter(
            ticket=ticket, type=TicketEventType.RULE_APPLIED
        ).values_list("parameters__rule", flat=True)
    )


def test_done_when_defective_complaint_over_200_goes_to_the_senior_agent(
    make_rule, senior, big_order, customer_actor, django_capture_on_commit_callbacks
):
    # given the rule of issue 14's done-when scenario
    rule = make_rule(
        name="Defekte Ware über 200 EUR",
        conditions=[
            {"field": "kind", "operator": "in", "values": ["complaint"]},
            {"field": "complaint_reason", "operator": "in", "values": ["defective"]},
            {"field": "order_total", "operator": "gt", "values": ["200"]},
        ],
        actions=[
            {"type": "assign_user", "values": [str(senior.pk)]},
            {"type": "set_priority", "values": ["high"]},
        ],
    )
    # when the customer sends the complaint (the rule runs after commit)
    with django_capture_on_commit_callbacks(execute=True):
        ticket = defective_complaint(customer_actor, big_order)
    # then
    ticket.refresh_from_db()
    assert ticket.assignee_id == senior.pk
    assert ticket.priority.slug == "high"
    assert applied(ticket) == [rule.name]


def test_a_rule_runs_only_after_commit(make_rule, customer_actor, big_order):
    make_rule(actions=[HIGH])
    ticket = defective_complaint(customer_actor, big_order)
    # No commit in this test's transaction: nothing ran.
    assert applied(ticket) == []


def test_not_matching_rules_do_nothing(make_rule, customer_actor, big_order):
    make_rule(
        conditions=[{"field": "order_total", "operator": "gt", "values": ["500"]}]
    )
    ticket = defective_complaint(customer_actor, big_order)
    assert run_rules(ticket.pk, "ticket_created", "created") == []
    assert not RuleRun.objects.exists()


def test_customer_reply_fires_but_staff_reply_and_first_message_do_not(
    make_rule, customer_actor, staff_actor, order, django_capture_on_commit_callbacks
):
    rule = make_rule(trigger="customer_replied", actions=[HIGH])
    with django_capture_on_commit_callbacks(execute=True):
        ticket = make_ticket(customer_actor, order_id=order.pk)
        add_comment(staff_actor, ticket.pk, "<p>Hello</p>")
    assert applied(ticket) == []
    with django_capture_on_commit_callbacks(execute=True):
        comment = add_comment(customer_actor, ticket.pk, "<p>Still broken</p>")
    assert applied(ticket) == [rule.name]
    run = RuleRun.objects.get(rule=rule)
    assert (run.trigger, run.key) == ("customer_replied", f"comment:{comment.pk}")


def test_order_event_fires_with_the_event_in_the_context(
    make_rule, customer_actor, order, django_capture_on_commit_callbacks
):
    rule = make_rule(
        trigger="order_event",
        conditions=[
            {"field": "order_event", "operator": "in", "values": ["cancelled"]}
        ],
        actions=[HIGH],
    )
    ticket = make_ticket(customer_actor, order_id=order.pk)
    with django_capture_on_commit_callbacks(execute=True):
        record_order_happening(
            order_id=order.pk,
            order_number=order.number,
            happening=OrderHappening.FULFILLED,
        )
    assert applied(ticket) == []
    with django_capture_on_commit_callbacks(execute=True):
        record_order_happening(
            order_id=order.pk,
            order_number=order.number,
            happening=OrderHappening.CANCELLED,
        )
    assert applied(ticket) == [rule.name]


def test_rules_run_in_order_and_stop_processing_ends_the_run(make_rule):
    ticket = make_ticket()
    second = make_rule(name="second", position=2, actions=[HIGH])
    first = make_rule(
        name="first",
        position=1,
        actions=[{"type": "add_note", "values": ["<p>first</p>"]}],
    )
    assert [o.rule for o in run_rules(ticket.pk, "ticket_created", "a")] == [
        first.name,
        second.name,
    ]
    first.stop_processing = True
    first.save()
    assert [o.rule for o in run_rules(ticket.pk, "ticket_created", "b")] == [first.name]


def test_a_later_rule_sees_what_an_earlier_one_changed(make_rule):
    ticket = make_ticket()
    make_rule(name="raise", position=1, actions=[HIGH])
    follow = make_rule(
        name="follow",
        position=2,
        conditions=[{"field": "priority", "operator": "in", "values": ["high"]}],
        actions=[{"type": "add_note", "values": ["<p>high now</p>"]}],
    )
    outcomes = run_rules(ticket.pk, "ticket_created", "created")
    assert follow.name in [o.rule for o in outcomes]


def test_one_run_per_rule_ticket_trigger_and_occurrence(make_rule):
    # A retried task, or the same trigger handed over twice, runs no rule twice.
    ticket = make_ticket()
    rule = make_rule(actions=[{"type": "add_note", "values": ["<p>once</p>"]}])
    assert len(run_rules(ticket.pk, "ticket_created", "created")) == 1
    assert run_rules(ticket.pk, "ticket_created", "created") == []
    assert RuleRun.objects.filter(rule=rule, ticket=ticket).count() == 1
    assert applied(ticket) == [rule.name]


def test_events_written_by_a_rule_carry_the_chain_depth(make_rule):
    ticket = make_ticket()
    make_rule(actions=[HIGH])
    run_rules(ticket.pk, "ticket_created", "created", depth=1)
    event = TicketEvent.objects.get(
        ticket=ticket, type=TicketEventType.PRIORITY_CHANGED
    )
    # The depth lives in memory only; the actor that wrote it is the rule's.
    assert event.parameters["rule"]


def test_loop_protection_stops_a_chain_at_the_depth_limit(
    make_rule, monkeypatch, django_capture_on_commit_callbacks
):
    # given a rule that fires its own trigger again from every event it causes (what
    # a careless integration could do through `fire`)
    ticket = make_ticket()
    make_rule(
        trigger="satisfaction_rated",
        actions=[{"type": "add_note", "values": ["<p>again</p>"]}],
    )
    runs = []
    real = triggers.run_automation.run

    def counting(ticket_id, trigger, key, context, depth):
        runs.append(depth)
        return real(ticket_id, trigger, key, context, depth)

    monkeypatch.setattr(triggers.run_automation, "run", counting)

    def refire(events):
        for event in events:
            if event.type == TicketEventType.NOTE_ADDED:
                fire(
                    event.ticket_id,
                    RuleTrigger.SATISFACTION_RATED,
                    key=f"note:{event.pk}",
                    depth=event.automation_depth,
                )

    side_effects.register(refire)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            fire(ticket, RuleTrigger.SATISFACTION_RATED, key="r1", rating=1)
    finally:
        side_effects._planners.remove(refire)
    # then the chain ran MAX_DEPTH times and stopped
    assert runs == list(range(MAX_DEPTH))
    assert len(applied(ticket)) == MAX_DEPTH


def test_planner_fires_nothing_for_events_at_the_depth_limit(
    django_capture_on_commit_callbacks, make_rule
):
    ticket = make_ticket()
    make_rule(actions=[HIGH])
    event = TicketEvent(ticket=ticket, type=TicketEventType.CREATED, parameters={})
    event.automation_depth = MAX_DEPTH
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        plan_automation([event])
    assert callbacks == []


def test_satisfaction_rating_at_most_n(make_rule, django_capture_on_commit_callbacks):
    ticket = make_ticket()
    rule = make_rule(
        trigger="satisfaction_rated",
        conditions=[{"field": "rating", "operator": "lte", "values": ["2"]}],
        actions=[HIGH],
    )
    with django_capture_on_commit_callbacks(execute=True):
        fire(ticket, RuleTrigger.SATISFACTION_RATED, key="rating:1", rating=4)
    assert applied(ticket) == []
    with django_capture_on_commit_callbacks(execute=True):
        fire(ticket, RuleTrigger.SATISFACTION_RATED, key="rating:2", rating=1)
    assert applied(ticket) == [rule.name]


def test_a_broken_rule_never_breaks_the_customers_request(
    make_rule, customer_actor, order, monkeypatch, django_capture_on_commit_callbacks
):
    make_rule(actions=[HIGH])

    def broken(*args, **kwargs):
        raise RuntimeError("broker down")

    monkeypatch.setattr(triggers.run_automation, "delay", broken)
    with django_capture_on_commit_callbacks(execute=True):
        ticket = make_ticket(customer_actor, order_id=order.pk)
    assert Ticket.objects.filter(pk=ticket.pk).exists()


def test_scheduled_rule_runs_once_per_episode(make_rule, vip):
    # given a ticket waiting for the customer for 8 days
    ticket = make_ticket()
    waiting = timezone.now() - timedelta(days=8)
    Ticket.objects.filter(pk=ticket.pk).update(last_activity_at=waiting)
    rule = make_rule(
        trigger="scheduled",
        conditions=[{"field": "idle_hours", "operator": "gte", "values": ["168"]}],
        actions=[{"type": "add_tags", "values": ["vip"]}],
    )
    fresh = make_ticket()
    # when the schedule runs twice
    assert run_scheduled_rules() == 1
    assert run_scheduled_rules() == 0
    # then the idle ticket got it once, the fresh one not at all
    assert applied(ticket) == [rule.name]
    assert applied(fresh) == []
    # and after new activity that goes idle again, once more
    Ticket.objects.filter(pk=ticket.pk).update(
        last_activity_at=timezone.now() - timedelta(days=9)
    )
    assert run_scheduled_rules() == 1


def test_scheduled_rules_skip_closed_tickets(make_rule):
    ticket = make_ticket()
    close_ticket(Actor.system(), ticket.pk)
    Ticket.objects.filter(pk=ticket.pk).update(
        last_activity_at=timezone.now() - timedelta(days=30)
    )
    make_rule(
        trigger="scheduled",
        conditions=[{"field": "idle_hours", "operator": "gte", "values": ["1"]}],
        actions=[HIGH],
    )
    assert run_scheduled_rules() == 0


def test_demo_examples_install_the_done_when_rule_and_macro(
    senior, big_order, customer_actor, django_capture_on_commit_callbacks
):
    lines = []
    install_automation_examples(lines.append)
    install_automation_examples(lines.append)  # a second run changes nothing
    assert Macro.objects.filter(name=MACRO_NAME).count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        ticket = defective_complaint(customer_actor, big_order)
    ticket.refresh_from_db()
    assert ticket.assignee_id == senior_agent().pk
    assert ticket.priority.slug == "high"
