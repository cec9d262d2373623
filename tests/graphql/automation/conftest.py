"""Callers and rows of the automation API's tests."""

import pytest

from saleor_helpdesk.models import (
    AutomationRule,
    Macro,
    ResponseTemplate,
    RuleRun,
    Tag,
    Ticket,
    TicketEvent,
    TicketTag,
)
from tests.factories import StaffFactory, SupportAgentFactory, make_ticket
from tests.graphql.config.conftest import api_for, manager, manager_api  # noqa: F401


@pytest.fixture
def senior(db):
    return SupportAgentFactory(user=StaffFactory(email="senior@shop.example")).user


@pytest.fixture
def rows(db, customer, channel):
    tag = Tag.objects.create(name="VIP", slug="vip", colour="#d97706")
    template = ResponseTemplate.objects.create(
        name="Ersatz versendet",
        language_code="de",
        subject="Ihr Ersatz zu #{{ ticket.number }}",
        body="<p>Hallo {{ customer.first_name }}, der Ersatz ist unterwegs.</p>",
    )
    macro = Macro.objects.create(name="Replacement sent", template=template)
    macro.add_tags.add(tag)
    rule = AutomationRule.objects.create(
        name="Urgent VIPs",
        trigger="ticket_created",
        conditions=[{"field": "tags", "operator": "any", "values": ["vip"]}],
        actions=[{"type": "set_priority", "values": ["urgent"]}],
    )
    ticket = make_ticket(
        customer_email=customer.email, customer_id=customer.pk, channel_id=channel.pk
    )
    return {
        "tag": tag,
        "template": template,
        "macro": macro,
        "rule": rule,
        "ticket": ticket,
    }


def everything() -> tuple:
    """Every row these operations could write: compare before and after."""
    return tuple(
        list(model.objects.order_by("pk").values())
        for model in (
            AutomationRule,
            RuleRun,
            Macro,
            Macro.add_tags.through,
            Macro.remove_tags.through,
            Tag,
            TicketTag,
            Ticket,
            TicketEvent,
        )
    )
