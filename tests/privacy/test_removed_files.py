"""A file removed by erasure or retention: the download answers 410, the thread shows
the attachment as removed."""

import pytest

from saleor_helpdesk import PLUGIN_ID
from saleor_helpdesk.actions.privacy import erase_customer_data
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.core.permissions import Perm
from tests.factories import access_token_for, grant, make_ticket
from tests.files import samples
from tests.graphql.conftest import Api
from tests.http.conftest import http
from tests.privacy.conftest import gid

TICKET_FILES = """
query($id: ID!) { ticket(id: $id) { attachments { name removedAt } } }
"""


@pytest.fixture(autouse=True)
def _live_database(transactional_db, django_db_serialized_rollback):
    """Real HTTP against the live server: committed data, defaults restored."""


def test_an_erased_file_is_gone_for_good(live_server, customer, staff_user, channel):
    # given a customer's photo that staff could download
    ticket = make_ticket(
        Actor.customer(customer),
        channel_id=channel.pk,
        attachments=[samples.upload("foto.png", samples.PNG)],
    )
    attachment = ticket.attachments.get()
    grant(staff_user, "MANAGE_ORDERS")
    token = access_token_for(staff_user)
    url = f"{live_server.url}/plugins/global/{PLUGIN_ID}/attachments/{attachment.uuid}/"
    assert http(url, token=token).status == 200

    # when the customer's data is erased
    erase_customer_data(
        Actor.staff(staff_user, {Perm.MANAGE_USERS.value}), customer_id=customer.pk
    )

    # then the download says the file was removed
    reply = http(url, token=token)
    assert (reply.status, reply.json()) == (
        410,
        {"error": {"code": "attachment_removed", "message": "This file was removed."}},
    )
    # and the thread lists it as removed, without its name
    [listed] = Api(token)(TICKET_FILES, {"id": gid("Ticket", ticket.pk)})["ticket"][
        "attachments"
    ]
    assert listed["name"] == ""
    assert listed["removedAt"] is not None
