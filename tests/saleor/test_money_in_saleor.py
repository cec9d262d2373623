"""The helpdesk's money rule gives Saleor's answers: inside Saleor, `saleor_helpdesk.core.money`
refuses what Saleor's `validate_price_precision` refuses and rounds as `quantize_price`.
Skipped on the stand-in host."""

from decimal import Decimal

import pytest

pytest.importorskip(
    "saleor.core.prices",
    reason="Saleor is not importable here: run with --ds=tests.saleor.settings inside "
    "a Saleor environment (see README, 'Run the tests inside Saleor').",
)

from django.core.exceptions import ValidationError  # noqa: E402
from saleor.core.prices import quantize_price  # noqa: E402
from saleor.graphql.core.validators import validate_price_precision  # noqa: E402

from saleor_helpdesk.core import money  # noqa: E402

CURRENCIES = ["USD", "EUR", "JPY", "KWD", "BHD", "ISK", "HUF", "CLF", "XXX"]
AMOUNTS = ["1", "1.5", "1.50", "1.005", "0.0004", "12.340", "4500.5", "1.234", "0.123"]


def saleor_accepts(amount: Decimal, currency: str) -> bool:
    try:
        validate_price_precision(amount, currency)
    except ValidationError:
        return False
    return True


def helpdesk_accepts(amount: Decimal, currency: str) -> bool:
    try:
        money.checked_amount(amount, currency)
    except money.InvalidAmount:
        return False
    return True


@pytest.mark.parametrize("currency", CURRENCIES)
@pytest.mark.parametrize("text", AMOUNTS)
def test_the_precision_rule_is_saleors(currency, text):
    amount = Decimal(text)

    # Saleor's columns keep three places: beyond them the helpdesk refuses what
    # Saleor's validator would let through and its columns would round.
    if money.decimal_places(amount) <= money.DECIMAL_PLACES:
        assert helpdesk_accepts(amount, currency) == saleor_accepts(amount, currency)
    assert money.quantize(amount, currency) == quantize_price(amount, currency)
