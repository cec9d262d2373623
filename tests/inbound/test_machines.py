"""Mail written by machines is recognised with its reason, and a bounce names the
e-mail of ours that could not be delivered."""

import pytest

from saleor_helpdesk.inbound.machines import (
    Automatic,
    automatic_reason,
    bounced_message_id,
)
from saleor_helpdesk.inbound.message import parse_message
from tests.inbound.conftest import parsed, raw

PEOPLE = [
    "new_customer_thunderbird",
    "reply_gmail_en",
    "reply_outlook_de",
    "reply_apple_mail_de",
    "forwarded_gmail_de",
    "photo_and_pdf_iphone",
    "html_only_script",
    "latin1_subject",
    "forged_reply",
    "no_message_id",
]


def person_mail(*extra_headers: str, sender: str = "anna@example.de") -> bytes:
    headers = "".join(f"{header}\n" for header in extra_headers)
    return (
        f"From: Anna <{sender}>\nTo: support@gartenwelt.example\n"
        f"Subject: Frage\nMessage-ID: <q.1@example.de>\n{headers}\nHallo\n"
    ).encode()


@pytest.mark.parametrize("name", PEOPLE)
def test_mail_from_people_is_not_automatic(name):
    # given a message a person wrote
    # when its sender is judged, then no machine is found
    assert automatic_reason(parsed(name)) is None
    assert bounced_message_id(parsed(name)) is None


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("out_of_office_de", Automatic.AUTO_SUBMITTED),
        ("bounce_postfix", Automatic.DELIVERY_REPORT),
        ("bounce_exchange", Automatic.DELIVERY_REPORT),
    ],
)
def test_sample_machines_are_recognised(name, reason):
    assert automatic_reason(parsed(name)) == reason


@pytest.mark.parametrize(
    ("header", "reason"),
    [
        ("Auto-Submitted: auto-replied", Automatic.AUTO_SUBMITTED),
        ("Auto-Submitted: auto-generated", Automatic.AUTO_SUBMITTED),
        ("Auto-Submitted: Auto-Notified; owner-email=a@b.c", Automatic.AUTO_SUBMITTED),
        ("X-Autoreply: yes", Automatic.AUTOREPLY_HEADER),
        ("X-Autorespond: Out of office", Automatic.AUTOREPLY_HEADER),
        ("X-Auto-Response-Suppress: All", Automatic.RESPONSE_SUPPRESS),
        ("X-Auto-Response-Suppress: DR, OOF", Automatic.RESPONSE_SUPPRESS),
        ("X-Auto-Response-Suppress: AutoReply", Automatic.RESPONSE_SUPPRESS),
        ("Precedence: bulk", Automatic.PRECEDENCE),
        ("Precedence: JUNK", Automatic.PRECEDENCE),
        ("Precedence: list", Automatic.PRECEDENCE),
        (
            "List-Id: Gartenfreunde <gartenfreunde.lists.example>",
            Automatic.MAILING_LIST,
        ),
        ("List-Unsubscribe: <https://news.example/u/123>", Automatic.MAILING_LIST),
        ("Return-Path: <>", Automatic.NULL_RETURN_PATH),
        ("Return-Path: < >", Automatic.NULL_RETURN_PATH),
        (
            'Content-Type: multipart/report; report-type=delivery-status; boundary="x"',
            Automatic.DELIVERY_REPORT,
        ),
    ],
)
def test_each_sign_of_a_machine_gives_its_reason(header, reason):
    # given an otherwise ordinary mail with one machine header
    msg = parse_message(person_mail(header))

    # when it is judged, then the header's reason is named
    assert automatic_reason(msg) == reason


@pytest.mark.parametrize(
    "header",
    [
        "Auto-Submitted: no",
        "Auto-Submitted: No",
        "Precedence: first-class",
        "X-Auto-Response-Suppress: DR, RN, NRN",
        "Return-Path: <anna@example.de>",
    ],
)
def test_headers_that_do_not_mean_a_machine(header):
    assert automatic_reason(parse_message(person_mail(header))) is None


@pytest.mark.parametrize(
    "sender",
    [
        "MAILER-DAEMON@mx.example.com",
        "mailer-daemon@googlemail.com",
        "postmaster@outlook.example",
        "Postmaster@example.org",
    ],
)
def test_mail_system_senders_are_machines(sender):
    msg = parse_message(person_mail(sender=sender))

    assert automatic_reason(msg) == Automatic.MAILER_DAEMON


def test_mail_from_our_own_addresses_is_our_own_mail_coming_back():
    # given a mail from the helpdesk's own sender address (any case)
    msg = parse_message(person_mail(sender="Support@Gartenwelt.example"))

    # when judged with the shop's sender addresses, then it is our own
    assert (
        automatic_reason(msg, own_addresses=["support@gartenwelt.example"])
        == Automatic.OWN_ADDRESS
    )
    assert automatic_reason(msg) is None


# --- bounces ---------------------------------------------------------------------------


def test_a_postfix_bounce_names_our_message_from_its_returned_headers():
    # given a delivery status notification with our original's headers
    # (text/rfc822-headers)
    msg = parsed("bounce_postfix")

    # then it names the Message-ID of our e-mail, and the failed recipient
    assert bounced_message_id(msg) == (
        "helpdesk.10006.0f3c5a7e9b1d4f6a8c0e2a4c6e8f0b1d@gartenwelt.example"
    )
    assert msg.report is not None
    [status] = msg.report.recipients
    assert (status.recipient, status.action, status.status) == (
        "kunde@nicht-vorhanden.example",
        "failed",
        "5.1.1",
    )
    assert "User unknown" in status.diagnostic


def test_an_exchange_bounce_names_our_message_from_the_returned_message():
    # given a non-delivery report with our whole original (message/rfc822)
    msg = parsed("bounce_exchange")

    # then it names our e-mail's Message-ID, not its own In-Reply-To
    assert bounced_message_id(msg) == (
        "helpdesk.10007.b7e6d5c4b3a2418f9e8d7c6b5a493827@gartenwelt.example"
    )


def test_a_delay_report_is_no_bounce():
    # given a delivery status notification saying delivery is only delayed
    data = raw("bounce_postfix").replace(b"Action: failed", b"Action: delayed")

    msg = parse_message(data)

    # then it is a machine's mail, but our e-mail did not fail
    assert automatic_reason(msg) == Automatic.DELIVERY_REPORT
    assert bounced_message_id(msg) is None


def test_a_read_receipt_is_a_report_but_no_bounce():
    data = (
        b"From: anna@example.de\nTo: support@gartenwelt.example\n"
        b"Subject: Gelesen: [#10001]\nMIME-Version: 1.0\n"
        b'Content-Type: multipart/report; report-type=disposition-notification; boundary="r"\n\n'
        b"--r\nContent-Type: text/plain\n\nIhre Nachricht wurde gelesen.\n"
        b"--r\nContent-Type: message/disposition-notification\n\n"
        b"Final-Recipient: rfc822; anna@example.de\n"
        b"Original-Message-ID: <helpdesk.10001.00112233445566778899aabbccddeeff@gartenwelt.example>\n"
        b"Disposition: manual-action/MDN-sent-manually; displayed\n"
        b"--r--\n"
    )

    msg = parse_message(data)

    assert automatic_reason(msg) == Automatic.DELIVERY_REPORT
    assert bounced_message_id(msg) is None


def test_a_bounce_without_a_status_part_is_read_from_its_text():
    # given a bounce from a mail system that does not follow RFC 3464: plain text
    # with the returned headers quoted in it
    data = (
        b"From: MAILER-DAEMON@mail.example.net\nTo: support@gartenwelt.example\n"
        b"Subject: failure notice\nReturn-Path: <>\n\n"
        b"Hi. This is the qmail-send program at mail.example.net.\n"
        b"I'm afraid I wasn't able to deliver your message to the following addresses.\n\n"
        b"<kunde@example.net>:\nSorry, no mailbox here by that name. (#5.1.1)\n\n"
        b"--- Below this line is a copy of the message.\n\n"
        b"Return-Path: <support@gartenwelt.example>\n"
        b"Message-ID: <helpdesk.10008.ffeeddccbbaa99887766554433221100@gartenwelt.example>\n"
        b"Subject: [#10008] Ihre Anfrage\n"
    )

    msg = parse_message(data)

    assert automatic_reason(msg) == Automatic.MAILER_DAEMON
    assert bounced_message_id(msg) == (
        "helpdesk.10008.ffeeddccbbaa99887766554433221100@gartenwelt.example"
    )


def test_an_out_of_office_reply_is_no_bounce():
    assert bounced_message_id(parsed("out_of_office_de")) is None
