"""Where files go: names built from ids only, private storage without URLs, no files
left behind by a failed transaction, and removal that deletes after commit."""

import re
from pathlib import Path

import pytest

from saleor_helpdesk.actions import (
    NewTicket,
    add_attachments,
    create_ticket,
    remove_attachment,
)
from saleor_helpdesk.content.attachments import MAX_DISPLAY_NAME, clean_display_name
from saleor_helpdesk.content.storage import PrivateFileSystemStorage, attachment_storage
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.host import get_host
from saleor_helpdesk.models import Attachment, Comment, Ticket, TicketEvent
from tests.assertions import raises_error
from tests.files import samples
from tests.files.samples import raw_upload, upload

UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"

HOSTILE_NAMES = [
    pytest.param("../../etc/passwd", "passwd", id="dot-dot-slash"),
    pytest.param("..\\..\\x.png", "x.png", id="dot-dot-backslash"),
    pytest.param("/etc/cron.d/evil", "evil", id="absolute-path"),
    pytest.param("C:\\Windows\\System32\\photo.png", "photo.png", id="windows-path"),
    pytest.param("evil\x00.png", "evil.png", id="nul-byte"),
    pytest.param("photo.png\x00.html", "photo.png.html", id="nul-before-extension"),
    pytest.param("gpj\u202eexe.png", "gpjexe.png", id="right-to-left-override"),
    pytest.param("in\u200bvoice\u200d.png", "invoice.png", id="zero-width"),
    pytest.param("\u2066report\u2069\ufeff.png", "report.png", id="bidi-isolates-bom"),
    pytest.param("line\r\nbreak\t.png", "linebreak.png", id="control-characters"),
    pytest.param("..", "attachment", id="only-dots"),
    pytest.param("../", "attachment", id="only-a-directory"),
    pytest.param("\u202e\u200b", "attachment", id="only-invisible"),
]


def open_with(actor, channel, *files) -> Ticket:
    return create_ticket(
        actor,
        NewTicket(
            subject="Foto",
            body="<p>Siehe Anhang.</p>",
            channel_id=channel.pk,
            attachments=list(files),
        ),
    )


def assert_stored_privately(attachment: Attachment, settings, files_on_disk) -> Path:
    """The stored name is `helpdesk/<ticket>/<uuid>.<ext>`, the file lies below
    PRIVATE_MEDIA_ROOT and it is the only file the test wrote."""
    name = attachment.file.name
    assert re.fullmatch(rf"helpdesk/{attachment.ticket_id}/{UUID}\.[a-z]+", name)
    assert name == f"helpdesk/{attachment.ticket_id}/{attachment.uuid}.png"
    root = Path(settings.PRIVATE_MEDIA_ROOT).resolve()
    path = Path(attachment.file.path).resolve()
    assert path == root / name
    assert path.is_file()
    assert files_on_disk() == [Path("private-media") / name]
    return path


# --- names ----------------------------------------------------------------------------


@pytest.mark.parametrize(("sent", "shown"), HOSTILE_NAMES)
def test_a_hostile_filename_never_reaches_the_storage_path(
    customer_actor, channel, settings, files_on_disk, sent, shown
):
    # given a PNG whose filename tries to escape, hide or disguise itself
    photo = raw_upload(sent, samples.PNG)

    # when a customer opens a ticket with it
    ticket = open_with(customer_actor, channel, photo)

    # then the file is stored under a name made of ids only
    attachment = ticket.attachments.get()
    path = assert_stored_privately(attachment, settings, files_on_disk)
    assert path.read_bytes() == samples.PNG
    # and the name shown to people is cleaned
    assert attachment.display_name == shown


@pytest.mark.parametrize(("sent", "shown"), HOSTILE_NAMES)
def test_a_hostile_filename_added_to_a_ticket_is_cleaned_too(
    customer_actor, channel, settings, files_on_disk, sent, shown
):
    # given an open ticket without files
    ticket = open_with(customer_actor, channel)

    # when the customer adds a file with a hostile name
    [attachment] = add_attachments(
        customer_actor, ticket.pk, [raw_upload(sent, samples.PNG)]
    )

    # then storage and display name are as safe as on a new ticket
    assert_stored_privately(attachment, settings, files_on_disk)
    attachment.refresh_from_db()
    assert attachment.display_name == shown


@pytest.mark.parametrize(("sent", "shown"), HOSTILE_NAMES)
def test_a_cleaned_display_name_has_no_path_or_invisible_characters(sent, shown):
    # given a hostile filename
    # when it is cleaned for display
    cleaned = clean_display_name(sent)

    # then no path part, control, bidi or zero-width character is left
    assert cleaned == shown
    assert "/" not in cleaned and "\\" not in cleaned
    assert not re.search(
        r"[\x00-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2060-\u2069]", cleaned
    )


def test_a_very_long_display_name_is_cut():
    # given a filename of 300 characters
    # when it is cleaned
    cleaned = clean_display_name("a" * 296 + ".png")

    # then it is cut to the display limit
    assert cleaned == "a" * MAX_DISPLAY_NAME


def test_a_missing_filename_is_shown_as_attachment():
    # given no filename at all
    # when it is cleaned, then a neutral name stands in
    assert clean_display_name(None) == "attachment"
    assert clean_display_name("") == "attachment"


def test_the_stored_extension_comes_from_the_bytes_not_the_name(
    customer_actor, channel, settings
):
    # given a PDF named like a program
    pdf = upload("rechnung.exe", samples.PDF, content_type="application/x-msdownload")

    # when a customer opens a ticket with it
    ticket = open_with(customer_actor, channel, pdf)

    # then it is stored as .pdf; the uploader's name is only shown
    attachment = ticket.attachments.get()
    assert attachment.file.name == f"helpdesk/{ticket.pk}/{attachment.uuid}.pdf"
    assert attachment.content_type == "application/pdf"
    assert attachment.display_name == "rechnung.exe"


def test_two_files_of_the_same_name_are_stored_apart(
    customer_actor, channel, files_on_disk
):
    # given two different files both called photo.png
    first = upload("photo.png", samples.PNG)
    second = upload("photo.png", samples.PNG + b"\x00")

    # when a customer opens a ticket with both
    ticket = open_with(customer_actor, channel, first, second)

    # then each has its own stored file
    names = sorted(ticket.attachments.values_list("file", flat=True))
    assert len(set(names)) == 2
    assert files_on_disk() == sorted(Path("private-media") / n for n in names)


# --- private storage ------------------------------------------------------------------


def test_the_storage_has_no_public_url(customer_actor, channel):
    # given a stored attachment
    ticket = open_with(customer_actor, channel, upload("photo.png", samples.PNG))
    attachment = ticket.attachments.get()

    # when anything asks for its URL, then there is none
    with pytest.raises(
        NotImplementedError, match="Helpdesk attachments are private and have no URL."
    ):
        attachment.file.url  # noqa: B018
    with pytest.raises(NotImplementedError):
        attachment_storage().url(attachment.file.name)


def test_the_storage_follows_private_media_root_not_media_root(settings, tmp_path):
    # given a project whose public media and private media are different folders
    storage = Attachment._meta.get_field("file").storage

    # then the attachments' storage is the private one, without a URL
    assert isinstance(storage, PrivateFileSystemStorage)
    assert Path(storage.location) == tmp_path / "private-media"

    # and it moves along when the setting changes
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "elsewhere")
    assert Path(storage.location) == tmp_path / "elsewhere"


# --- a failed transaction leaves no files ---------------------------------------------


def test_a_ticket_whose_transaction_fails_after_storing_files_leaves_none_behind(
    customer_actor, order, files_on_disk, monkeypatch
):
    # given a host that fails to note the ticket on the order, after the files
    # were written
    written_when_the_host_failed = []

    def host_is_down(self, *, order, actor, message):
        written_when_the_host_failed.extend(files_on_disk())
        raise RuntimeError("The host is down.")

    monkeypatch.setattr(type(get_host()), "add_order_note", host_is_down)

    # when the customer opens a ticket on the order with two files
    with pytest.raises(RuntimeError, match="The host is down."):
        create_ticket(
            customer_actor,
            NewTicket(
                subject="Kaputt",
                body="<p>Becher kaputt.</p>",
                order_id=order.pk,
                attachments=[
                    upload("photo.png", samples.PNG),
                    upload("lieferschein.pdf", samples.PDF),
                ],
            ),
        )

    # then the files had been written, and are gone again with the rows
    assert len(written_when_the_host_failed) == 2
    assert files_on_disk() == []
    assert Ticket.objects.count() == 0
    assert Comment.objects.count() == 0
    assert Attachment.objects.count() == 0
    assert TicketEvent.objects.count() == 0
    assert not order.events.exists()


def test_a_failed_ticket_keeps_files_stored_earlier_by_other_tickets(
    customer_actor, channel, order, files_on_disk, monkeypatch
):
    # given a ticket with a file, stored before
    earlier = open_with(customer_actor, channel, upload("alt.png", samples.PNG))
    kept = files_on_disk()
    assert len(kept) == 1

    # and a host that fails on the next ticket
    def host_is_down(self, *, order, actor, message):
        raise RuntimeError("The host is down.")

    monkeypatch.setattr(type(get_host()), "add_order_note", host_is_down)

    # when a second ticket with a file fails
    with pytest.raises(RuntimeError):
        create_ticket(
            customer_actor,
            NewTicket(
                subject="Kaputt",
                body="<p>Becher kaputt.</p>",
                order_id=order.pk,
                attachments=[upload("neu.png", samples.PNG)],
            ),
        )

    # then only its own file was removed
    assert files_on_disk() == kept
    assert (
        earlier.attachments.get().file.name
        == kept[0].relative_to("private-media").as_posix()
    )


# --- removing files -------------------------------------------------------------------


@pytest.fixture
def customer_file(customer_actor, channel):
    ticket = open_with(customer_actor, channel, upload("photo.png", samples.PNG))
    return ticket.attachments.get()


def test_a_customer_removes_their_own_file_and_it_leaves_the_disk_after_commit(
    customer_actor, customer_file, django_capture_on_commit_callbacks
):
    # given the customer's own public file on disk
    path = Path(customer_file.file.path)
    assert path.is_file()

    # when they remove it
    with django_capture_on_commit_callbacks(execute=True):
        ticket = remove_attachment(customer_actor, customer_file.pk)
        # then the file stays until the transaction commits
        assert path.is_file()

    # and is gone afterwards, with its row, noted on the timeline
    assert not path.exists()
    assert not Attachment.objects.filter(pk=customer_file.pk).exists()
    event = ticket.events.get(type="attachment_removed")
    assert event.parameters == {"name": "photo.png", "internal": False}


def test_a_customer_may_not_remove_a_file_staff_added(
    customer_actor, staff_actor, customer_file, django_capture_on_commit_callbacks
):
    # given a public file staff added to the customer's ticket
    [staff_file] = add_attachments(
        staff_actor, customer_file.ticket_id, [upload("label.pdf", samples.PDF)]
    )

    # when the customer tries to remove it, then they are refused
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        raises_error(None, "permission_denied", "You can remove only your own files."),
    ):
        remove_attachment(customer_actor, staff_file.pk)

    # and the file stays, on disk and in the database
    assert callbacks == []
    assert Path(staff_file.file.path).is_file()
    assert Attachment.objects.filter(pk=staff_file.pk).exists()


def test_an_internal_file_does_not_exist_for_the_customer(
    customer_actor, staff_actor, customer_file
):
    # given an internal file staff added to the customer's ticket
    [internal] = add_attachments(
        staff_actor,
        customer_file.ticket_id,
        [upload("notiz.pdf", samples.PDF)],
        internal=True,
    )

    # when the customer tries to remove it, then it is not found for them (a
    # "permission denied" would tell them which internal attachment ids exist)
    with raises_error("id", "not_found", "Attachment not found."):
        remove_attachment(customer_actor, internal.pk)
    assert Path(internal.file.path).is_file()


def test_another_customer_cannot_reach_the_file(
    other_customer, customer_file, files_on_disk
):
    # given another customer's file
    stranger = Actor.customer(other_customer)

    # when a stranger tries to remove it, then it is not found for them
    with raises_error("id", "not_found", "Attachment not found."):
        remove_attachment(stranger, customer_file.pk)
    assert len(files_on_disk()) == 1


def test_removing_an_unknown_attachment_is_not_found(customer_actor, db):
    # when a customer removes an attachment that does not exist
    # then it is not found
    with raises_error("id", "not_found", "Attachment not found."):
        remove_attachment(customer_actor, 999_999)


def test_staff_remove_a_customers_file_and_it_leaves_the_disk_after_commit(
    staff_actor, customer_file, django_capture_on_commit_callbacks
):
    # given a customer's file
    path = Path(customer_file.file.path)

    # when staff remove it
    with django_capture_on_commit_callbacks(execute=True):
        remove_attachment(staff_actor, customer_file.pk)
        assert path.is_file()

    # then it is gone from disk and database
    assert not path.exists()
    assert not Attachment.objects.filter(pk=customer_file.pk).exists()


def test_staff_remove_an_internal_file(
    staff_actor, customer_file, django_capture_on_commit_callbacks
):
    # given an internal file on a ticket
    [internal] = add_attachments(
        staff_actor,
        customer_file.ticket_id,
        [upload("notiz.pdf", samples.PDF)],
        internal=True,
    )
    path = Path(internal.file.path)

    # when staff remove it
    with django_capture_on_commit_callbacks(execute=True):
        ticket = remove_attachment(staff_actor, internal.pk)

    # then it is gone, and the timeline marks the removal internal
    assert not path.exists()
    event = ticket.events.get(type="attachment_removed")
    assert event.parameters == {"name": "notiz.pdf", "internal": True}


def test_staff_without_manage_orders_cannot_reach_the_file(
    staff_without_permission_actor, customer_file
):
    # when staff without MANAGE_ORDERS try to remove a customer's file
    # then the ticket is not found for them
    with raises_error("id", "not_found", "Attachment not found."):
        remove_attachment(staff_without_permission_actor, customer_file.pk)


# --- internal files -------------------------------------------------------------------


def test_a_customer_cannot_add_internal_files(customer_actor, customer_file):
    # when a customer tries to add an internal file, then they are refused
    with raises_error(
        None,
        "permission_denied",
        "You need the MANAGE_ORDERS permission to work tickets.",
    ):
        add_attachments(
            customer_actor,
            customer_file.ticket_id,
            [upload("x.png", samples.PNG)],
            internal=True,
        )


def test_an_internal_file_is_stored_internal(staff_actor, customer_file):
    # when staff add an internal file
    [internal] = add_attachments(
        staff_actor,
        customer_file.ticket_id,
        [upload("notiz.pdf", samples.PDF)],
        internal=True,
    )

    # then the stored row is internal
    internal.refresh_from_db()
    assert internal.visibility == "internal"
    assert internal.uploaded_by_type == "staff"


def test_an_internal_file_is_internal_on_the_timeline_and_in_the_result(
    staff_actor, customer_file
):
    # when staff add an internal file
    [internal] = add_attachments(
        staff_actor,
        customer_file.ticket_id,
        [upload("notiz.pdf", samples.PDF)],
        internal=True,
    )

    # then the returned attachment and its timeline event say internal
    event = TicketEvent.objects.get(
        type="attachment_added", parameters__attachment_id=internal.pk
    )
    assert event.parameters["internal"] is True
    assert internal.visibility == "internal"
