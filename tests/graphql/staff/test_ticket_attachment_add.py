"""ticketAttachmentAdd: files on a ticket without a comment (multipart upload)."""

from pathlib import Path

import pytest

from saleor_helpdesk.models import Attachment
from tests.files import samples
from tests.graphql.staff.conftest import (
    NOT_STAFF,
    PERMISSION_DENIED,
    TICKET_NOT_FOUND,
    gid,
    post_files,
    snapshot,
)

TICKET_ATTACHMENT_ADD = """
mutation TicketAttachmentAdd($id: ID!, $files: [Upload!]!, $internal: Boolean) {
  ticketAttachmentAdd(id: $id, files: $files, internal: $internal) {
    errors { field code message }
    ticket { id attachmentCount }
    attachments { id name contentType size isInternal }
  }
}
"""

TICKET_ATTACHMENTS = """
query Ticket($id: ID!) { ticket(id: $id) { attachments { name } } }
"""


def stored_files(settings) -> list[Path]:
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def upload(api, ticket, *files, internal=None) -> dict:
    return post_files(
        api,
        TICKET_ATTACHMENT_ADD,
        {
            "id": gid("Ticket", ticket.pk),
            "files": [None] * len(files),
            "internal": internal,
        },
        {f"files.{i}": file for i, file in enumerate(files)},
    )["ticketAttachmentAdd"]


@pytest.mark.parametrize("caller", NOT_STAFF)
def test_only_staff_with_manage_orders_may_attach(api_as, caller, ticket, settings):
    # given the customer's ticket and a caller who may not work tickets
    before = snapshot()

    # when they upload a photo to it
    data = upload(api_as(caller), ticket, samples.upload("foto.png", samples.PNG))

    # then they are refused and nothing was stored
    assert data == {"errors": [PERMISSION_DENIED], "ticket": None, "attachments": []}
    assert snapshot() == before
    assert stored_files(settings) == []


def test_staff_of_another_channel_do_not_find_the_ticket(
    other_channel_staff_api, ticket, settings
):
    # given staff who work only in another channel
    before = snapshot()

    # when they upload to a ticket of the default channel
    data = upload(other_channel_staff_api, ticket, samples.upload("a.png", samples.PNG))

    # then the ticket is not found for them and nothing was stored
    assert data == {"errors": [TICKET_NOT_FOUND], "ticket": None, "attachments": []}
    assert snapshot() == before
    assert stored_files(settings) == []


def test_staff_attach_an_internal_file(staff_api, customer_api, ticket, settings):
    # given the customer's ticket
    # when staff attach a PDF as internal
    data = upload(
        staff_api,
        ticket,
        samples.upload("Lieferschein.pdf", samples.PDF, "application/pdf"),
        internal=True,
    )

    # then the file is on the ticket, internal, with the type sniffed from its bytes
    attachment = Attachment.objects.get()
    assert data == {
        "errors": [],
        "ticket": {"id": gid("Ticket", ticket.pk), "attachmentCount": 1},
        "attachments": [
            {
                "id": gid("TicketAttachment", attachment.pk),
                "name": "Lieferschein.pdf",
                "contentType": "application/pdf",
                "size": len(samples.PDF),
                "isInternal": True,
            }
        ],
    }
    assert (attachment.ticket_id, attachment.visibility) == (ticket.pk, "internal")
    assert attachment.comment is None
    assert attachment.file.storage.exists(attachment.file.name)
    assert ticket.events.order_by("pk").last().type == "attachment_added"
    # and the customer does not see it
    assert customer_api(TICKET_ATTACHMENTS, {"id": gid("Ticket", ticket.pk)}) == {
        "ticket": {"attachments": []}
    }


def test_a_public_file_is_shown_to_the_customer(staff_api, customer_api, ticket):
    # given the customer's ticket
    # when staff attach a photo without marking it internal
    data = upload(staff_api, ticket, samples.upload("foto.png", samples.PNG))

    # then the customer sees it
    assert data["attachments"][0]["isInternal"] is False
    assert customer_api(TICKET_ATTACHMENTS, {"id": gid("Ticket", ticket.pk)}) == {
        "ticket": {"attachments": [{"name": "foto.png"}]}
    }


def test_a_refused_file_is_a_typed_error_and_stores_nothing(
    staff_api, ticket, settings
):
    # given a photo and an HTML page
    before = snapshot()

    # when staff upload both
    data = upload(
        staff_api,
        ticket,
        samples.upload("foto.png", samples.PNG),
        samples.upload("seite.html", samples.HTML, "text/html"),
    )

    # then the upload is refused on `files` and neither file is kept
    assert data == {
        "errors": [
            {
                "field": "files",
                "code": "UNSUPPORTED_FILE_TYPE",
                "message": "The file 'seite.html' is of a type this shop does not "
                "accept (text/html).",
            }
        ],
        "ticket": None,
        "attachments": [],
    }
    assert snapshot() == before
    assert stored_files(settings) == []


def test_no_files_is_a_typed_error(staff_api, ticket):
    # given no files at all
    before = snapshot()

    # when staff send the mutation
    data = staff_api(
        TICKET_ATTACHMENT_ADD, {"id": gid("Ticket", ticket.pk), "files": []}
    )["ticketAttachmentAdd"]

    # then it is refused
    assert data == {
        "errors": [
            {
                "field": "files",
                "code": "REQUIRED",
                "message": "Choose at least one file.",
            }
        ],
        "ticket": None,
        "attachments": [],
    }
    assert snapshot() == before
