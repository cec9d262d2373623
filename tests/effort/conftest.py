"""Tickets, staff and a clock for the time and effort tests."""

from datetime import datetime, timedelta

import pytest

from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.core.permissions import Perm
from tests.factories import StaffFactory, SupportAgentFactory, make_ticket

T0 = datetime.fromisoformat("2026-03-02T09:00:00+00:00")


def at(seconds: float) -> datetime:
    """The moment `seconds` after T0: the tests' clock."""
    return T0 + timedelta(seconds=seconds)


@pytest.fixture
def ticket(customer_actor, channel):
    return make_ticket(
        customer_actor, channel_id=channel.pk, subject="Wo ist mein Paket?"
    )


@pytest.fixture
def second_ticket(customer_actor, channel):
    return make_ticket(customer_actor, channel_id=channel.pk, subject="Rechnung fehlt")


@pytest.fixture
def agent_actor(staff_actor):
    return staff_actor


@pytest.fixture
def colleague_actor(db):
    user = SupportAgentFactory(user=StaffFactory(email="kollegin@shop.example")).user
    return Actor.staff(user, {Perm.MANAGE_ORDERS.value})
