"""Inside Saleor: staff delete a customer with Saleor's own `customerDelete`, Saleor
calls the plugin's `customer_deleted` hook on commit, and the customer's tickets are
erased."""

import pytest

pytest.importorskip(
    "saleor.graphql.account.mutations.staff.customer_delete",
    reason="Saleor is not importable here: run with --ds=tests.saleor.settings inside "
    "a Saleor environment (see README, 'Run the tests inside Saleor').",
)

from saleor_helpdesk.core.actor import Actor  # noqa: E402
from saleor_helpdesk.models import Ticket  # noqa: E402
from tests.factories import (  # noqa: E402
    StaffFactory,
    access_token_for,
    grant,
    make_ticket,
)
from tests.privacy.conftest import gid  # noqa: E402
from tests.saleor.graphql_client import SALEOR_API, post_graphql  # noqa: E402

CUSTOMER_DELETE = """
mutation Delete($id: ID!) {
  customerDelete(id: $id) { errors { field code message } user { id } }
}
"""


def test_saleors_customer_delete_erases_the_tickets(
    customer, channel, django_capture_on_commit_callbacks
):
    # given Anna's ticket and a staff user allowed to delete customers in Saleor
    ticket = make_ticket(
        Actor.customer(customer), channel_id=channel.pk, subject="Becher kaputt"
    )
    staff = StaffFactory()
    grant(staff, "MANAGE_USERS")

    # when staff delete her through Saleor's API
    with django_capture_on_commit_callbacks(execute=True):
        data = post_graphql(
            SALEOR_API,
            CUSTOMER_DELETE,
            {"id": gid("User", customer.pk)},
            access_token_for(staff),
        )

    # then Saleor deleted her and the helpdesk erased her ticket
    assert data["customerDelete"]["errors"] == []
    ticket = Ticket.objects.get(pk=ticket.pk)
    assert (ticket.subject, ticket.customer_email, ticket.customer_id) == (
        "[erased]",
        "",
        None,
    )
    assert ticket.personal_data_erased_at is not None
