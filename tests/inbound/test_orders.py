"""Order numbers named in a mail, in German and English; other numbers stay out."""

import pytest

from saleor_helpdesk.inbound.content import reply_content
from saleor_helpdesk.inbound.orders import order_numbers
from tests.inbound.conftest import parsed


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Meine Bestellung 1002 ist nicht angekommen.", [1002]),
        ("Bestellnummer: 1002", [1002]),
        ("Bestellnummer 1002", [1002]),
        ("Bestell-Nr.: 1002", [1002]),
        ("Bestellnr. 1002", [1002]),
        ("Bestellung Nr. 1002", [1002]),
        ("Bestellung #1002", [1002]),
        ("Bestellungsnummer 1002", [1002]),
        ("Auftrag 1002", [1002]),
        ("Auftragsnummer: 1002", [1002]),
        ("Auftrags-Nr. 1002", [1002]),
        ("order #1002", [1002]),
        ("Order no. 1002", [1002]),
        ("Order No 1002", [1002]),
        ("order number 1002", [1002]),
        ("Order number: #1002", [1002]),
        ("order-id 1002", [1002]),
        ("Order ID: 1002", [1002]),
        ("my order 1002 arrived broken", [1002]),
        ("ORDER #7", [7]),
        ("Bestellung 42", [42]),
        # several, repeats once, in order of mention
        ("Bestellung 1002 und Bestellung 1003, nochmal Bestellung 1002", [1002, 1003]),
        # the order ends a sentence
        ("Es geht um Bestellung 1002.", [1002]),
    ],
)
def test_order_numbers_are_found(text, numbers):
    assert order_numbers(text) == numbers


@pytest.mark.parametrize(
    "text",
    [
        # the verb, with a quantity
        "I want to order 2 more planters",
        "Can I order 40 pieces?",
        # dates, prices, tracking and ticket numbers
        "Bestellung vom 12.03.2026",
        "Bestellung 12.03. eingegangen",
        "Die Bestellung kostete 49,90 EUR",
        "Sendungsnummer 00340434161234567890",
        "Re: [#10002] Ihre Anfrage",
        "Nummer 1002",
        "Bestellungen: keine",
        "reorder 1002",
        "",
    ],
)
def test_other_numbers_are_not_order_numbers(text):
    assert order_numbers(text) == []


def test_subject_and_body_are_read_together():
    assert order_numbers("Rückfrage zu Bestellung 1002", None, "Auftrag 1003") == [
        1002,
        1003,
    ]


@pytest.mark.parametrize(
    ("name", "numbers"),
    [
        ("new_customer_thunderbird", [1002]),
        ("forwarded_gmail_de", [1004]),
        ("html_only_script", [1008]),
        ("latin1_subject", [1009]),
        # the order named in our quoted e-mail is not the customer's mention
        ("reply_gmail_en", []),
        ("reply_apple_mail_de", []),
        ("no_message_id", []),
    ],
)
def test_order_numbers_in_the_sample_messages(name, numbers):
    # given a sample message's subject and new text
    msg = parsed(name)
    text = reply_content(msg).text

    # then the orders the customer names are found
    assert order_numbers(msg.subject, text) == numbers
