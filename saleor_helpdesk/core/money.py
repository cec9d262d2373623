"""Amounts of money: exact at their currency's precision, on both hosts.

A currency's precision (USD and EUR 2 decimal places, JPY 0, KWD 3, CLF 4, …) comes from
the CLDR currency data shipped with babel, read with `babel.numbers.get_currency_precision`
(unknown codes: 2). That is the function Saleor's own `core/prices.py` `quantize_price` and
`graphql/core/validators` `validate_price_precision` call, so inside Saleor the helpdesk
reads the very table Saleor reads, and on the stand-in host the same library decides: an
amount Saleor's validator refuses is refused here, an amount it accepts is accepted.

- `checked_amount` is the rule for an amount a client sends (a refund's amount).
- `quantize` rounds a computed amount as Saleor's `quantize_price` does.
- `amount_text` is the plain form at precision ("45.00", "4500", "1.234") used by the
  API, webhook payloads, the timeline and notes on Saleor's order.
- `format_money` is the reader's form ("45,00 €" in German, "$45.00" in English) for
  e-mails.
"""

from decimal import Decimal, InvalidOperation

from babel import Locale, UnknownLocaleError
from babel.numbers import format_currency, get_currency_precision

# Saleor's amount columns (settings DEFAULT_MAX_DIGITS = 20, DEFAULT_DECIMAL_PLACES = 3),
# and TicketRefund.amount's: 17 digits before the point. Saleor's `MAXIMUM_PRICE` in
# `core/prices.py` is the same bound (10**17 - 1).
MAX_DIGITS = 20
DECIMAL_PLACES = 3
AMOUNT_LIMIT = Decimal(10) ** (MAX_DIGITS - DECIMAL_PLACES)


class InvalidAmount(ValueError):
    """An amount a client sent that is not an amount of that currency."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def precision(currency: str) -> int:
    """Decimal places of `currency` (2 for a code the currency data does not know)."""
    return int(get_currency_precision(currency))


def quantize(amount: Decimal, currency: str) -> Decimal:
    """`amount` at the currency's precision, rounded as Saleor's `quantize_price`
    (the decimal context's rounding: half to even)."""
    return amount.quantize(Decimal(10) ** -precision(currency))


def decimal_places(amount: Decimal) -> int:
    """Decimal places that carry a digit: 1.50 has 1, 100 has 0.

    Saleor's validator counts them with `normalize()`, which also rounds to the decimal
    context's 28 digits; stripping trailing zeros gives the same count without rounding
    (equal for every amount of at most 28 significant digits, and every amount the
    columns can hold)."""
    _sign, digits, exponent = amount.as_tuple()
    assert isinstance(exponent, int)  # finite: callers check first
    if exponent >= 0:
        return 0
    places = -exponent
    for digit in reversed(digits):
        if digit != 0 or places == 0:
            break
        places -= 1
    return places


def checked_amount(amount: Decimal, currency: str) -> Decimal:
    """`amount` at the currency's precision, or `InvalidAmount` saying what is wrong.

    Refused: what is not a finite number, exponent notation that leaves the plain
    decimal form (1E+2), zero and less, amounts the columns cannot hold, and more
    decimal places than the currency has (1.005 USD, 0.0004 EUR, 1.5 JPY; 1.50 USD and
    45.000 USD are the same amounts as 1.5 and 45, and accepted) or than the columns
    keep (three)."""
    if not amount.is_finite():
        raise InvalidAmount("The amount must be a finite decimal number.")
    exponent = amount.as_tuple().exponent
    if isinstance(exponent, int) and exponent > 0:
        raise InvalidAmount(
            "Write the amount as a plain decimal number (such as 12.50), without an "
            "exponent."
        )
    if amount <= 0:
        raise InvalidAmount("The amount must be more than zero.")
    if amount >= AMOUNT_LIMIT:
        raise InvalidAmount(f"The amount must be lower than {AMOUNT_LIMIT:f}.")
    # A currency with more places than the columns keep (CLF, UYW: 4) is taken with
    # as many as are kept: more would be rounded away by the database.
    allowed = min(precision(currency), DECIMAL_PLACES)
    if decimal_places(amount) > allowed:
        raise InvalidAmount(
            f"The amount cannot have more than {allowed} decimal places in {currency}."
        )
    return quantize(amount, currency)


def amount_text(amount: Decimal, currency: str) -> str:
    """The plain form at precision, never in exponent notation: "45.00", "4500"."""
    return f"{quantize(amount, currency):f}"


def _locale(language: str | None) -> Locale:
    code = (language or "en").replace("-", "_")
    for candidate in (code, code.split("_")[0], "en"):
        try:
            return Locale.parse(candidate)
        except (ValueError, UnknownLocaleError):
            continue
    return Locale.parse("en")


def format_money(amount: Decimal, currency: str, language: str | None) -> str:
    """The amount as a reader of `language` writes it, at the currency's precision:
    "45,00 €" (de), "€45.00" (en), "4.500 ¥" (de)."""
    return str(
        format_currency(quantize(amount, currency), currency, locale=_locale(language))
    )


def format_money_text(amount: object, currency: object, language: str | None) -> str:
    """`format_money` for an amount kept as text (a timeline event's parameters); text
    that is not an amount is shown as it is, with its currency."""
    try:
        value = Decimal(str(amount))
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite() or not currency:
        return f"{amount or ''} {currency or ''}".strip()
    return format_money(value, str(currency), language)
