"""Fixtures of the automation tests: a senior agent, tags, a rule factory."""

from decimal import Decimal

import pytest

from saleor_helpdesk.automation.rules import create_rule
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.core.permissions import Perm
from saleor_helpdesk.models import Contact, Tag
from tests.factories import (
    OrderFactory,
    OrderLineFactory,
    StaffFactory,
    SupportAgentFactory,
)


@pytest.fixture
def settings_actor(staff_user):
    return Actor.staff(
        staff_user, {Perm.MANAGE_ORDERS.value, Perm.MANAGE_PLUGINS.value}
    )


@pytest.fixture
def senior(db):
    return SupportAgentFactory(user=StaffFactory(email="senior@shop.example")).user


@pytest.fixture
def big_order(customer, channel):
    order = OrderFactory(
        user=customer,
        user_email=customer.email,
        channel=channel,
        total_gross_amount=Decimal("0"),
        charge_status="full",
        status="unfulfilled",
    )
    # The stand-in's line factory adds the line's total to the order's: 249.90.
    OrderLineFactory(
        order=order,
        product_name="Espressomaschine",
        quantity=1,
        unit_price_gross_amount=Decimal("249.90"),
    )
    return order


@pytest.fixture
def vip(db):
    return Tag.objects.create(name="VIP", slug="vip", colour="#d97706")


@pytest.fixture
def defect_tag(db):
    return Tag.objects.create(name="Defect", slug="defect", colour="#dc2626")


@pytest.fixture
def queue(db):
    return Contact.objects.get(slug="customer-service")


@pytest.fixture
def make_rule(settings_actor):
    def make(conditions=(), actions=None, trigger="ticket_created", **fields):
        return create_rule(
            settings_actor,
            {
                "name": fields.pop("name", f"Rule {len(conditions)}-{id(conditions)}"),
                "trigger": trigger,
                "conditions": list(conditions),
                "actions": actions or [{"type": "set_priority", "values": ["high"]}],
                **fields,
            },
        )

    return make
