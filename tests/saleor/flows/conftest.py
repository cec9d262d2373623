"""Saleor's own test fixtures (checkouts, products, shipping …) for the tests in this
folder, which drive real Saleor mutations. Loaded only where Saleor is importable; the
modules are those Saleor's root conftest registers."""

import importlib

SALEOR_FIXTURE_MODULES = [
    "saleor.tests.fixtures",
    "saleor.app.tests.fixtures",
    "saleor.plugins.tests.fixtures",
    "saleor.graphql.tests.fixtures",
    "saleor.webhook.tests.fixtures",
    "saleor.tax.tests.fixtures",
    "saleor.channel.tests.fixtures",
    "saleor.page.tests.fixtures",
    "saleor.warehouse.tests.fixtures",
    "saleor.order.tests.fixtures",
    "saleor.product.tests.fixtures",
    "saleor.site.tests.fixtures",
    "saleor.shipping.tests.fixtures",
    "saleor.permission.tests.fixtures",
    "saleor.giftcard.tests.fixtures",
    "saleor.discount.tests.fixtures",
    "saleor.checkout.tests.fixtures",
    "saleor.attribute.tests.fixtures",
    "saleor.account.tests.fixtures",
    "saleor.graphql.account.tests.fixtures",
    "saleor.payment.tests.fixtures",
]

try:
    importlib.import_module("saleor.tests.fixtures")
except ImportError:  # the stand-in host: the test modules skip themselves
    pass
else:
    for _name in SALEOR_FIXTURE_MODULES:
        try:
            _module = importlib.import_module(_name)
        except ImportError:  # not in every Saleor release
            continue
        globals().update(
            {
                key: value
                for key, value in vars(_module).items()
                if not key.startswith("_")
            }
        )

    import pytest

    # Saleor's autouse fixture replaces PLUGINS with its dummy gateways, which would
    # switch the helpdesk off (`setup_dummy_gateways` up to 3.23, `setup_dummy_gateway`
    # on main). These tests pay without a gateway: keep PLUGINS as the settings say.
    @pytest.fixture(autouse=True)
    def setup_dummy_gateway(settings):
        return settings

    @pytest.fixture(autouse=True)
    def setup_dummy_gateways(settings):
        return settings
