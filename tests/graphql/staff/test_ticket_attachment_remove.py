"""ticketAttachmentRemove: staff remove a file from a ticket."""

import pytest

from saleor_helpdesk.actions import add_attachments
from saleor_helpdesk.models import Attachment
from tests.files import samples
from tests.graphql.staff.conftest import NOT_STAFF, PERMISSION_DENIED, gid, snapshot

TICKET_ATTACHMENT_REMOVE = """
mutation TicketAttachmentRemove($id: ID!) {
  ticketAttachmentRemove(id: $id) {
    errors { field code message }
    ticket { id attachmentCount }
  }
}
"""

ATTACHMENT_NOT_FOUND = {
    "field": "id",
    "code": "NOT_FOUND",
    "message": "Attachment not found.",
}


@pytest.fixture
def photo(customer_actor, ticket):
    """A photo the customer uploaded to their own ticket."""
    [attachment] = add_attachments(
        customer_actor, ticket.pk, [samples.upload("foto.png", samples.PNG)]
    )
    return attachment


@pytest.mark.parametrize("caller", NOT_STAFF)
def test_only_staff_with_manage_orders_may_remove(api_as, caller, photo):
    # given the customer's own photo and a caller who is not staff (the customer too:
    # this is the staff operation)
    before = snapshot()

    # when they remove it
    data = api_as(caller)(
        TICKET_ATTACHMENT_REMOVE, {"id": gid("TicketAttachment", photo.pk)}
    )["ticketAttachmentRemove"]

    # then they are refused and the file is still there
    assert data == {"errors": [PERMISSION_DENIED], "ticket": None}
    assert snapshot() == before
    assert photo.file.storage.exists(photo.file.name)


def test_staff_of_another_channel_do_not_find_the_file(other_channel_staff_api, photo):
    # given staff who work only in another channel
    before = snapshot()

    # when they remove a file of the default channel
    data = other_channel_staff_api(
        TICKET_ATTACHMENT_REMOVE, {"id": gid("TicketAttachment", photo.pk)}
    )["ticketAttachmentRemove"]

    # then the file is not found for them
    assert data == {"errors": [ATTACHMENT_NOT_FOUND], "ticket": None}
    assert snapshot() == before


def test_staff_remove_a_file(
    staff_api, ticket, photo, django_capture_on_commit_callbacks
):
    # given the customer's photo on the ticket
    name, storage = photo.file.name, photo.file.storage

    # when staff remove it
    with django_capture_on_commit_callbacks(execute=True):
        data = staff_api(
            TICKET_ATTACHMENT_REMOVE, {"id": gid("TicketAttachment", photo.pk)}
        )["ticketAttachmentRemove"]

    # then the ticket has no file, in the answer, the database and the storage
    assert data == {
        "errors": [],
        "ticket": {"id": gid("Ticket", ticket.pk), "attachmentCount": 0},
    }
    assert not Attachment.objects.filter(pk=photo.pk).exists()
    assert not storage.exists(name)
    event = ticket.events.order_by("pk").last()
    assert (event.type, event.parameters) == (
        "attachment_removed",
        {"name": "foto.png", "internal": False},
    )


@pytest.mark.parametrize(
    "given, error",
    [
        ("missing", ATTACHMENT_NOT_FOUND),
        (
            "ticket_id",
            {
                "field": "id",
                "code": "INVALID",
                "message": "Invalid ID: expected an ID of type TicketAttachment.",
            },
        ),
    ],
)
def test_a_wrong_id_is_a_typed_error(staff_api, ticket, photo, given, error):
    # given the ID of no attachment, or of a ticket
    attachment_id = (
        gid("TicketAttachment", photo.pk + 1000)
        if given == "missing"
        else gid("Ticket", ticket.pk)
    )
    before = snapshot()

    # when staff remove it
    data = staff_api(TICKET_ATTACHMENT_REMOVE, {"id": attachment_id})[
        "ticketAttachmentRemove"
    ]

    # then it is refused and the photo stays
    assert data == {"errors": [error], "ticket": None}
    assert snapshot() == before
