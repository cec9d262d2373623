"""`saleor_helpdesk.core.money`: the precision rule and the forms an amount is written in."""

from decimal import Decimal

import pytest

from saleor_helpdesk.core import money


@pytest.mark.parametrize(
    ("text", "places"),
    [("1", 0), ("1.50", 1), ("45.000", 0), ("0.0004", 4), ("100", 0), ("1E+2", 0)],
)
def test_decimal_places_count_digits_that_carry(text, places):
    assert money.decimal_places(Decimal(text)) == places


def test_an_amount_of_more_digits_than_the_decimal_context_is_not_rounded_into_range():
    # given 1 and a 1 in the 31st place (normalize() would round it to 1, and pass it)
    amount = Decimal("1.0000000000000000000000000000001")

    # then it is refused for its places
    with pytest.raises(money.InvalidAmount) as refused:
        money.checked_amount(amount, "EUR")
    assert refused.value.message == (
        "The amount cannot have more than 2 decimal places in EUR."
    )


@pytest.mark.parametrize(
    ("text", "currency", "checked"),
    [("1.5", "USD", "1.50"), ("45.000", "USD", "45.00"), ("4500.00", "JPY", "4500")],
)
def test_an_amount_at_precision_comes_back_with_the_currencys_places(
    text, currency, checked
):
    assert f"{money.checked_amount(Decimal(text), currency):f}" == checked


def test_an_unknown_currency_has_two_places_as_in_saleor():
    assert money.precision("XYZ") == 2


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("de", "45,00\xa0€"),
        ("de-AT", "€\xa045,00"),
        ("en", "€45.00"),
        ("xx", "€45.00"),  # a language babel does not know: English
        (None, "€45.00"),
    ],
)
def test_money_is_written_as_the_readers_language_writes_it(language, expected):
    assert money.format_money(Decimal("45.000"), "EUR", language) == expected


def test_a_stored_text_that_is_not_an_amount_is_shown_as_it_is():
    assert money.format_money_text("viel", "EUR", "de") == "viel EUR"
    assert money.format_money_text(None, None, "de") == ""
    assert money.format_money_text("12.5", "EUR", "de") == "12,50\xa0€"
