"""The schema's Decimal scalar writes amounts in the plain decimal form."""

from decimal import Decimal

import pytest

from saleor_helpdesk.graphql.core.scalars import Decimal as DecimalScalar


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("1E+2"), "100"),
        (Decimal("45.00"), "45.00"),
        ("4500", "4500"),
        (1.5, "1.5"),
    ],
)
def test_an_amount_never_reaches_a_client_in_exponent_notation(value, text):
    assert DecimalScalar.serialize(value) == text
