"""Run this suite inside a Saleor environment: Saleor's own test settings plus the
plugin. Use with `pytest --ds=tests.saleor.settings` from this project's folder, in a
Python environment where Saleor and this package are installed (see README)."""

from saleor.tests.settings import *  # noqa: F403
from saleor.tests.settings import INSTALLED_APPS

# Saleor adds the entry point's name to INSTALLED_APPS itself when the package is
# installed; this keeps the settings usable from a source checkout too.
if "saleor_helpdesk" not in INSTALLED_APPS:
    INSTALLED_APPS.append("saleor_helpdesk")

# Saleor's test settings switch every plugin off (PLUGINS = []).
PLUGINS = [
    "saleor_helpdesk.plugin.HelpdeskPlugin",
    # Answers refund requests as a payment app would (see the module).
    "tests.saleor.payment_plugin.HelpdeskTestPayments",
    "tests.saleor.payment_plugin.HelpdeskTestDecliningPayments",
]
HELPDESK_HOST = "saleor_helpdesk.host.saleor.SaleorHost"
