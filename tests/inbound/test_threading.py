"""How a reply names its ticket: the signed reply address, our Message-IDs, the
subject token; and signed tokens that cannot be forged."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saleor_helpdesk.inbound.message import parse_message
from saleor_helpdesk.inbound.threading import (
    TicketCandidate,
    Via,
    parse_our_message_id,
    reply_address,
    reply_token,
    subject_ticket_numbers,
    thread_candidates,
    ticket_from_reply_address,
)
from saleor_helpdesk.notifications import headers
from tests.inbound.conftest import parsed

GMAIL_EMAIL_ID = "helpdesk.10002.5f0c3e7a9b2d4c6e8f1a3b5c7d9e0f12@gartenwelt.example"


def test_a_gmail_reply_names_its_ticket_in_every_way_strongest_first(sample_key):
    # given John's reply from Gmail to our e-mail on ticket #10002 (id 2)
    # when its candidates are read
    found = thread_candidates(parsed("reply_gmail_en"))

    # then the signed reply address comes first, then our ids, then the subject
    assert found.candidates == (
        TicketCandidate(Via.REPLY_ADDRESS, ticket_id=2),
        TicketCandidate(
            Via.IN_REPLY_TO, ticket_number=10002, message_id=GMAIL_EMAIL_ID
        ),
        TicketCandidate(Via.REFERENCES, ticket_number=10002, message_id=GMAIL_EMAIL_ID),
        TicketCandidate(Via.REFERENCES, ticket_number=10002),
        TicketCandidate(Via.SUBJECT, ticket_number=10002),
    )
    assert found.first == TicketCandidate(Via.REPLY_ADDRESS, ticket_id=2)
    assert found.ticket_ids == [2]
    assert found.ticket_numbers == [10002]
    assert found.message_ids == [GMAIL_EMAIL_ID]


@pytest.mark.parametrize(
    ("name", "ticket_id", "number"),
    [("reply_outlook_de", 3, 10003), ("reply_apple_mail_de", 4, 10004)],
)
def test_outlook_and_apple_mail_replies_name_their_tickets(
    sample_key, name, ticket_id, number
):
    found = thread_candidates(parsed(name))

    assert found.ticket_ids == [ticket_id]
    assert found.ticket_numbers == [number]
    assert found.via(Via.SUBJECT) == (
        TicketCandidate(Via.SUBJECT, ticket_number=number),
    )


def test_a_reply_address_signed_with_another_key_is_not_a_candidate(settings):
    # given a shop whose secret is not the one that signed the sample's address
    settings.SECRET_KEY = "another-shop-entirely-0123456789abcdefghij"
    settings.SECRET_KEY_FALLBACKS = []

    # when the reply is read
    found = thread_candidates(parsed("reply_gmail_en"))

    # then the address names no ticket; the Message-IDs still do
    assert found.ticket_ids == []
    assert found.ticket_numbers == [10002]


def test_a_forged_reply_names_the_ticket_but_keeps_its_real_sender(sample_key):
    # given a message from another address that copies ticket #10002's ids and subject
    msg = parsed("forged_reply")

    # when its candidates are read
    found = thread_candidates(msg)

    # then the ids are only claims: no signed address backs them, and the sender is
    # what the caller checks against the ticket's customer
    assert found.ticket_ids == []
    assert found.ticket_numbers == [10002]
    assert msg.from_address == "mallory@example.org"
    assert msg.from_name == "John Miller"


def test_a_new_mail_names_no_ticket(sample_key):
    found = thread_candidates(parsed("new_customer_thunderbird"))

    assert not found
    assert found.first is None


def test_message_ids_of_other_domains_can_be_left_out(sample_key):
    msg = parsed("forged_reply")

    assert thread_candidates(
        msg, our_domains=["gartenwelt.example"]
    ).ticket_numbers == [10002]
    assert (
        thread_candidates(msg, our_domains=["other-shop.example"]).via(Via.REFERENCES)
        == ()
    )


# --- our Message-IDs -------------------------------------------------------------------


def test_the_ids_our_outgoing_mail_carries_are_recognised():
    # given the ids and subject the notifications write for ticket #10042
    domain = "gartenwelt.example"
    own = headers.new_message_id(10042, domain)
    root = headers.thread_id(10042, domain)
    subject = headers.subject_line(10042, "Ihre Anfrage")

    # when they are read back
    email = parse_our_message_id(own)
    thread = parse_our_message_id(root)

    # then each names the ticket; only the e-mail's own id names an e-mail
    assert email is not None
    assert (email.ticket_number, email.is_thread_root, email.domain) == (
        10042,
        False,
        domain,
    )
    assert email.message_id == own.strip("<>")
    assert thread is not None
    assert (thread.ticket_number, thread.is_thread_root) == (10042, True)
    assert subject_ticket_numbers(subject) == [10042]


@pytest.mark.parametrize(
    "value",
    [
        "CAJp7q3Vw8k1N2xYzA@mail.gmail.com",
        "helpdesk.10002@gartenwelt.example",
        "helpdesk.10002.not-hex@gartenwelt.example",
        "helpdesk.ticket.@gartenwelt.example",
        "helpdesk.ticket.10002",
        "xhelpdesk.ticket.10002@gartenwelt.example",
        "",
    ],
)
def test_other_ids_are_not_ours(value):
    assert parse_our_message_id(value) is None


@pytest.mark.parametrize(
    ("subject", "numbers"),
    [
        ("Re: [#10002] Ihre Anfrage", [10002]),
        ("AW: WG: [#10002] Ihre Anfrage [#10003]", [10002, 10003]),
        ("Re: #10002 Ihre Anfrage", []),
        ("Bestellung [10002]", []),
        ("", []),
    ],
)
def test_subject_tokens(subject, numbers):
    assert subject_ticket_numbers(subject) == numbers


# --- the signed reply address ----------------------------------------------------------


def test_a_reply_address_round_trips(sample_key):
    # given the reply address of ticket 2
    address = reply_address(2, "support@gartenwelt.example")

    # then it is the shop's address with a short lowercase token
    assert address == "support+2yqadz2d7fdsfmuby@gartenwelt.example"
    # and it names ticket 2, however its case was changed on the way
    assert ticket_from_reply_address(address) == 2
    assert ticket_from_reply_address(address.upper()) == 2
    assert ticket_from_reply_address(f"Gartenwelt <{address}>") == 2


def test_a_reply_address_keeps_an_existing_subaddress_and_a_display_name(sample_key):
    address = reply_address(7, "Gartenwelt Support <help+shop@gartenwelt.example>")

    assert address.startswith("help+shop+")
    assert address.endswith("@gartenwelt.example")
    assert ticket_from_reply_address(address) == 7


@given(ticket_id=st.integers(min_value=1, max_value=2**63 - 1))
@settings(max_examples=200, deadline=None, derandomize=True, database=None)
def test_every_ticket_id_round_trips(ticket_id):
    address = reply_address(ticket_id, "support@gartenwelt.example")

    assert ticket_from_reply_address(address) == ticket_id
    assert ticket_from_reply_address(address.upper()) == ticket_id


def _altered(token: str, position: int) -> str:
    char = token[position]
    return token[:position] + ("b" if char != "b" else "c") + token[position + 1 :]


@pytest.mark.parametrize(
    "forge",
    [
        # another ticket's id with ticket 2's signature
        lambda token: "3" + token[1:],
        # one character of the signature changed
        lambda token: _altered(token, -1),
        lambda token: _altered(token, len(token) - 8),
        # the signature cut short, or doubled
        lambda token: token[:-1],
        lambda token: token + token[-16:],
        # no signature at all, or only one
        lambda token: token[:1],
        lambda token: token[-16:],
        lambda token: "",
        lambda token: token.replace(token[0], "!", 1),
    ],
)
def test_forged_or_altered_tokens_are_refused(sample_key, forge):
    # given the real token of ticket 2, changed by someone without the key
    token = forge(reply_token(2))

    # when the address is read, then it names no ticket
    assert ticket_from_reply_address(f"support+{token}@gartenwelt.example") is None


@pytest.mark.parametrize(
    "address",
    [
        "support@gartenwelt.example",
        "support+@gartenwelt.example",
        "support+newsletter@gartenwelt.example",
        "not an address",
        "",
    ],
)
def test_addresses_without_a_token_name_no_ticket(sample_key, address):
    assert ticket_from_reply_address(address) is None


def test_a_token_signed_with_a_retired_key_still_counts(settings):
    # given an address signed before the shop rotated its secret
    settings.SECRET_KEY = "the-old-secret-key-0123456789abcdefghijklmn"
    address = reply_address(5, "support@gartenwelt.example")

    # when the new key is in use and the old one is a fallback
    settings.SECRET_KEY = "the-new-secret-key-0123456789abcdefghijklmn"
    settings.SECRET_KEY_FALLBACKS = ["the-old-secret-key-0123456789abcdefghijklmn"]
    assert ticket_from_reply_address(address) == 5

    # and once the old key is dropped it counts no more
    settings.SECRET_KEY_FALLBACKS = []
    assert ticket_from_reply_address(address) is None


@pytest.mark.parametrize(
    ("ticket_id", "base"),
    [
        (0, "support@gartenwelt.example"),
        (-1, "support@gartenwelt.example"),
        (True, "support@gartenwelt.example"),
        (2, "support"),
        (2, "@gartenwelt.example"),
    ],
)
def test_reply_address_refuses_what_is_no_ticket_or_address(
    sample_key, ticket_id, base
):
    with pytest.raises(ValueError):
        reply_address(ticket_id, base)


def test_a_reply_address_in_cc_or_delivered_to_counts(sample_key):
    address = reply_address(9, "support@gartenwelt.example")
    data = (
        f"From: anna@example.de\nTo: someone@example.de\nCc: {address}\n"
        f"Subject: Nachtrag\n\nText\n"
    ).encode()
    delivered = (
        f"Delivered-To: {address}\nFrom: anna@example.de\n"
        f"To: undisclosed-recipients:;\nSubject: Nachtrag\n\nText\n"
    ).encode()

    assert thread_candidates(parse_message(data)).ticket_ids == [9]
    assert thread_candidates(parse_message(delivered)).ticket_ids == [9]
