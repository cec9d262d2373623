"""A message anymail read from a service's payload, written back to bytes for
`receive_email`: read the same as the original."""

import pytest
from anymail.inbound import AnymailInboundMessage

from saleor_helpdesk.http.inbound.webhooks import as_received
from saleor_helpdesk.inbound.message import parse_message
from tests.inbound.conftest import raw, sample_names


def _summary(data: bytes):
    message = parse_message(data)
    return (
        message.message_id,
        message.from_address,
        message.subject,
        message.in_reply_to,
        message.malformed,
        [(a.filename, a.content) for a in message.attachments],
    )


# Anymail's parser drops a header block it cannot read (`malformed_headers`): that
# message is written back as anymail read it, and taken in as such.
@pytest.mark.parametrize(
    "name", [name for name in sample_names() if name != "malformed_headers"]
)
def test_a_raw_message_reads_as_it_came(name):
    # given a sample as a service posts it (raw MIME, read by anymail)
    original = raw(name)
    message = AnymailInboundMessage.parse_raw_mime_bytes(original)

    # then the bytes handed on read as the original does
    assert _summary(as_received(message)) == _summary(original)


def test_a_message_put_together_from_fields_is_not_malformed():
    # given a single-part quoted-printable message, posted as parsed fields
    # (headers and text), which anymail puts together as multipart
    original = AnymailInboundMessage.parse_raw_mime_bytes(
        raw("new_customer_thunderbird")
    )
    built = AnymailInboundMessage.construct(
        headers=list(original.items()), text=original.text
    )
    assert built["Content-Transfer-Encoding"] == "quoted-printable"

    # then the container does not keep the part's transfer encoding
    message = parse_message(as_received(built))
    assert not message.malformed
    assert message.text.startswith("Guten Tag,")


def test_a_multipart_message_sent_with_that_defect_keeps_it():
    # given a raw multipart message that declares a transfer encoding itself
    data = (
        b"From: a@example.com\nTo: support@gartenwelt.example\nSubject: x\n"
        b"Message-ID: <defect@example.com>\nMIME-Version: 1.0\n"
        b'Content-Type: multipart/mixed; boundary="b"\n'
        b"Content-Transfer-Encoding: base64\n\n"
        b"--b\nContent-Type: text/plain\n\nHallo\n--b--\n"
    )

    # then it is handed on as it came: the defect is the sender's
    written = as_received(AnymailInboundMessage.parse_raw_mime_bytes(data))
    assert b"Content-Transfer-Encoding: base64" in written
    assert parse_message(written).malformed == parse_message(data).malformed


def test_a_message_put_together_twice_gives_the_same_bytes():
    # given a message without a Message-ID, posted as parsed fields twice (a retry)
    def built():
        return AnymailInboundMessage.construct(
            from_email="anna.schmidt@example.de",
            to="support@gartenwelt.example",
            subject="Ohne Message-ID",
            text="Hallo",
            html="<p>Hallo</p>",
        )

    # then both deliveries give the same bytes, so the second is known again
    first, second = as_received(built()), as_received(built())
    assert first == second
    assert parse_message(first).message_id == parse_message(second).message_id
