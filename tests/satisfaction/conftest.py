import pytest

from saleor_helpdesk.actions import assign_ticket, close_ticket
from tests.factories import make_ticket


@pytest.fixture
def closed_ticket(customer_actor, staff_actor, staff_user, channel):
    """A customer's ticket, handled by `staff_user`, closed by staff."""
    ticket = make_ticket(customer_actor, channel_id=channel.pk)
    assign_ticket(staff_actor, ticket.pk, staff_user.pk)
    return close_ticket(staff_actor, ticket.pk)


@pytest.fixture
def guest_closed_ticket(guest_actor, staff_actor, guest_order):
    ticket = make_ticket(guest_actor, order_id=guest_order.pk)
    return close_ticket(staff_actor, ticket.pk)
