"""What the actions accept as an upload: type from the bytes, size measured, counts and
the channel's switch; a refused request stores nothing, neither rows nor files."""

import hashlib

import pytest

from saleor_helpdesk.actions import (
    NewTicket,
    add_attachments,
    add_comment,
    create_ticket,
)
from saleor_helpdesk.content.attachments import SNIFF_BYTES
from saleor_helpdesk.models import Attachment, Ticket
from tests.assertions import raises_error
from tests.files import samples
from tests.files.samples import lying_upload, upload

LIMIT = 100 * 1024  # shown to customers as "0.1 MB"


def new_ticket(channel, *files) -> NewTicket:
    return NewTicket(
        subject="Foto vom Schaden",
        body="<p>Anbei ein Foto.</p>",
        channel_id=channel.pk,
        attachments=list(files),
    )


# --- the type comes from the bytes ----------------------------------------------------


def test_an_html_page_named_photo_png_is_refused(
    customer_actor, channel, policy, files_on_disk
):
    # given an HTML page a customer calls photo.png and declares as image/png
    page = upload("photo.png", samples.HTML, content_type="image/png")

    # when they open a ticket with it, then it is refused as HTML
    with raises_error(
        "attachments",
        "unsupported_file_type",
        "The file 'photo.png' is of a type this shop does not accept (text/html).",
    ):
        create_ticket(customer_actor, new_ticket(channel, page))

    # and nothing reached the disk
    assert files_on_disk() == []


@pytest.mark.parametrize(
    ("name", "content", "sniffed"),
    [
        ("avatar.png", samples.SVG, "image/svg+xml"),
        ("notes.txt", b"<script>alert(document.cookie)</script>", "text/html"),
        (
            "invoice.pdf",
            b"MZ\x90\x00\x03\x00\x00\x00\x04\x00",
            "application/octet-stream",
        ),
    ],
)
def test_a_reply_with_a_disguised_file_is_refused(
    customer_actor, ticket, files_on_disk, name, content, sniffed
):
    # given a file whose name and declared type claim something harmless
    disguised = upload(name, content, content_type="image/png")

    # when the customer replies with it, then the sniffed type is named
    with raises_error(
        "attachments",
        "unsupported_file_type",
        f"The file '{name}' is of a type this shop does not accept ({sniffed}).",
    ):
        add_comment(customer_actor, ticket.pk, "<p>Hier</p>", attachments=[disguised])

    # and nothing reached the disk
    assert files_on_disk() == []


def test_a_pdf_is_accepted_and_described_by_its_bytes(
    customer_actor, channel, policy, settings
):
    # given a PDF the browser declared as octet-stream
    pdf = upload("Rechnung.pdf", samples.PDF, content_type="application/octet-stream")

    # when a customer opens a ticket with it
    ticket = create_ticket(customer_actor, new_ticket(channel, pdf))

    # then it is stored as a PDF, measured and hashed, on the ticket's first comment
    attachment = ticket.attachments.get()
    assert attachment.content_type == "application/pdf"
    assert attachment.display_name == "Rechnung.pdf"
    assert attachment.size == len(samples.PDF)
    assert attachment.sha256 == hashlib.sha256(samples.PDF).hexdigest()
    assert attachment.comment == ticket.comments.get()
    assert attachment.visibility == "public"
    assert attachment.uploaded_by_type == "customer"
    assert attachment.uploaded_by_user == customer_actor.user
    assert attachment.file.name.endswith(".pdf")
    with attachment.file.open("rb") as stored:
        assert stored.read() == samples.PDF


def test_a_channel_that_allows_only_pdfs_refuses_a_png(
    customer_actor, channel, policy, files_on_disk
):
    # given a channel that takes PDFs only
    policy(allowed_content_types=["application/pdf"])

    # when a customer sends a photo, then it is refused
    with raises_error(
        "attachments",
        "unsupported_file_type",
        "The file 'photo.png' is of a type this shop does not accept (image/png).",
    ):
        create_ticket(
            customer_actor, new_ticket(channel, upload("photo.png", samples.PNG))
        )
    assert files_on_disk() == []


def test_text_whose_sniffed_head_ends_in_a_cut_character_is_accepted(
    customer_actor, ticket
):
    # given a text file longer than the sniffed head, which cuts a "€" in half
    content = b"a" * (SNIFF_BYTES - 1) + "€ Rest des Textes".encode()

    # when the customer attaches it
    [attachment] = add_attachments(
        customer_actor, ticket.pk, [upload("notiz.txt", content, "text/plain")]
    )

    # then it is stored whole as plain text
    assert attachment.content_type == "text/plain"
    assert attachment.size == len(content)
    assert attachment.file.name.endswith(".txt")


# --- size -----------------------------------------------------------------------------


def test_a_file_larger_than_the_channel_limit_is_refused(
    customer_actor, channel, policy, files_on_disk
):
    # given a channel that takes files up to 100 KiB
    policy(max_attachment_size=LIMIT)
    big = upload("scan.png", samples.PNG + b"\x00" * (LIMIT + 1 - len(samples.PNG)))

    # when a customer sends one byte more, then it is refused
    with raises_error(
        "attachments",
        "file_too_large",
        "The file 'scan.png' is larger than 100 KB.",
    ):
        create_ticket(customer_actor, new_ticket(channel, big))
    assert files_on_disk() == []


def test_a_file_that_understates_its_size_is_measured_and_refused(
    customer_actor, ticket, policy, files_on_disk
):
    # given a file object that claims to hold 10 bytes but holds more than the limit
    policy(max_attachment_size=LIMIT)
    content = samples.PNG + b"\x00" * (3 * LIMIT)
    liar = lying_upload("small.png", content, declared_size=10)
    assert liar.size == 10

    # when the customer attaches it, then the bytes read decide
    with raises_error(
        "attachments",
        "file_too_large",
        "The file 'small.png' is larger than 100 KB.",
    ):
        add_attachments(customer_actor, ticket.pk, [liar])
    assert files_on_disk() == []


def test_a_file_of_exactly_the_limit_is_accepted(customer_actor, ticket, policy):
    # given a file of exactly the channel's limit
    policy(max_attachment_size=LIMIT)
    content = samples.PNG + b"\x00" * (LIMIT - len(samples.PNG))

    # when the customer attaches it
    [attachment] = add_attachments(
        customer_actor, ticket.pk, [upload("exact.png", content)]
    )

    # then it is stored whole
    assert attachment.size == LIMIT
    assert attachment.file.size == LIMIT


def test_a_file_that_overstates_its_size_is_refused_before_it_is_read(
    customer_actor, ticket, policy
):
    # given a small PNG whose file object claims to be larger than the limit
    policy(max_attachment_size=LIMIT)
    boaster = lying_upload("tiny.png", samples.PNG, declared_size=LIMIT + 1)

    # when the customer attaches it, then the declared size alone refuses it
    with raises_error(
        "attachments",
        "file_too_large",
        "The file 'tiny.png' is larger than 100 KB.",
    ):
        add_attachments(customer_actor, ticket.pk, [boaster])


def test_an_empty_file_is_refused(customer_actor, ticket, files_on_disk):
    # given an empty file
    empty = upload("leer.pdf", b"", content_type="application/pdf")

    # when the customer attaches it, then it is refused as empty
    with raises_error("attachments", "file_empty", "The file 'leer.pdf' is empty."):
        add_attachments(customer_actor, ticket.pk, [empty])
    assert files_on_disk() == []


# --- counts ---------------------------------------------------------------------------


def test_more_files_than_a_comment_may_carry_are_refused(
    customer_actor, ticket, policy, files_on_disk
):
    # given a channel that takes two files per comment
    policy(max_attachments_per_comment=2)
    photos = [upload(f"foto-{n}.png", samples.PNG) for n in range(3)]

    # when the customer replies with three, then the reply is refused as a whole
    with raises_error(
        "attachments",
        "too_many_files",
        "At most 2 files can be attached at once.",
    ):
        add_comment(customer_actor, ticket.pk, "<p>Fotos</p>", attachments=photos)
    assert files_on_disk() == []


def test_a_new_ticket_with_more_files_than_a_comment_may_carry_is_refused(
    customer_actor, channel, policy, files_on_disk
):
    # given a channel that takes two files per comment
    policy(max_attachments_per_comment=2)
    photos = [upload(f"foto-{n}.png", samples.PNG) for n in range(3)]

    # when a customer opens a ticket with three, then nothing is created
    with raises_error(
        "attachments",
        "too_many_files",
        "At most 2 files can be attached at once.",
    ):
        create_ticket(customer_actor, new_ticket(channel, *photos))
    assert Ticket.objects.count() == 0
    assert files_on_disk() == []


def test_files_beyond_the_tickets_limit_are_refused(
    customer_actor, channel, policy, files_on_disk
):
    # given a channel whose tickets hold three files, and a ticket holding two
    policy(max_attachments_per_ticket=3)
    ticket = create_ticket(
        customer_actor,
        new_ticket(channel, upload("a.png", samples.PNG), upload("b.pdf", samples.PDF)),
    )
    before = files_on_disk()
    assert len(before) == 2

    # when the customer adds two more, then they are refused
    with raises_error(
        "attachments",
        "too_many_files",
        "A ticket can hold at most 3 files.",
    ):
        add_attachments(
            customer_actor,
            ticket.pk,
            [upload("c.png", samples.PNG), upload("d.png", samples.PNG)],
        )
    assert files_on_disk() == before

    # but one more fits
    add_attachments(customer_actor, ticket.pk, [upload("c.png", samples.PNG)])
    assert ticket.attachments.count() == 3


def test_a_reply_counts_the_files_already_on_the_ticket(
    customer_actor, channel, policy
):
    # given a channel whose tickets hold two files, and a ticket holding two
    policy(max_attachments_per_ticket=2)
    ticket = create_ticket(
        customer_actor,
        new_ticket(channel, upload("a.png", samples.PNG), upload("b.png", samples.PNG)),
    )

    # when the customer replies with another file, then it is refused
    with raises_error(
        "attachments",
        "too_many_files",
        "A ticket can hold at most 2 files.",
    ):
        add_comment(
            customer_actor,
            ticket.pk,
            "<p>Noch eins</p>",
            attachments=[upload("c.png", samples.PNG)],
        )


# --- the channel's switch -------------------------------------------------------------


def test_a_channel_without_attachments_refuses_files_on_a_new_ticket(
    customer_actor, channel, policy, files_on_disk
):
    # given a channel that does not take attachments
    policy(attachments_allowed=False)

    # when a customer opens a ticket with a photo, then it is refused
    with raises_error(
        "attachments",
        "attachments_disabled",
        "This shop does not accept attachments.",
    ):
        create_ticket(
            customer_actor, new_ticket(channel, upload("photo.png", samples.PNG))
        )
    assert files_on_disk() == []


def test_a_channel_without_attachments_refuses_files_on_a_reply(
    customer_actor, ticket, policy, files_on_disk
):
    # given a ticket on a channel that stopped taking attachments
    policy(attachments_allowed=False)

    # when the customer replies with a photo, then it is refused
    with raises_error(
        "attachments",
        "attachments_disabled",
        "This shop does not accept attachments.",
    ):
        add_comment(
            customer_actor,
            ticket.pk,
            "<p>Foto</p>",
            attachments=[upload("photo.png", samples.PNG)],
        )
    assert files_on_disk() == []


def test_a_channel_without_attachments_still_takes_replies_without_files(
    customer_actor, ticket, policy
):
    # given a channel that does not take attachments
    policy(attachments_allowed=False)

    # when the customer replies with text only
    comment = add_comment(customer_actor, ticket.pk, "<p>Danke!</p>")

    # then the reply is saved
    assert comment.body == "<p>Danke!</p>"


# --- all or nothing -------------------------------------------------------------------


def test_one_bad_file_among_good_ones_stores_none_of_them(
    customer_actor, channel, policy, files_on_disk
):
    # given two good files and, last, an HTML page
    files = [
        upload("a.png", samples.PNG),
        upload("b.pdf", samples.PDF),
        upload("c.png", samples.HTML),
    ]

    # when a customer opens a ticket with them, then the HTML page is named
    with raises_error(
        "attachments",
        "unsupported_file_type",
        "The file 'c.png' is of a type this shop does not accept (text/html).",
    ):
        create_ticket(customer_actor, new_ticket(channel, *files))

    # and neither the good files nor any row was stored
    assert files_on_disk() == []
    assert Ticket.objects.count() == 0
    assert Attachment.objects.count() == 0


def test_a_refused_reply_adds_no_comment_and_no_file(
    customer_actor, ticket, files_on_disk
):
    # given a ticket with its opening comment
    assert ticket.comments.count() == 1

    # when a reply carries a good file and an empty one, then it is refused
    with raises_error("attachments", "file_empty", "The file 'b.png' is empty."):
        add_comment(
            customer_actor,
            ticket.pk,
            "<p>Zwei Fotos</p>",
            attachments=[upload("a.png", samples.PNG), upload("b.png", b"")],
        )

    # and the thread and the disk are as before
    assert ticket.comments.count() == 1
    assert files_on_disk() == []
