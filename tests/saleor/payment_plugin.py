"""A payment plugin for the tests inside Saleor (Saleor's test settings have none):
it answers refund requests as a payment app would.

- Transactions: `transaction_refund_requested` is how Saleor asks a plugin to refund.
  For transactions of `INSTANT_APP` it answers at once with Saleor's own handler for a
  payment app's response; others stay pending until the test answers.
- Legacy payments: the gateway `GATEWAY` refunds; `DECLINING_GATEWAY` declines.
Imports Saleor: loaded only by `tests/saleor/settings.py`.
"""

from decimal import Decimal
from typing import Any

from saleor.payment import TransactionKind
from saleor.payment.interface import GatewayResponse
from saleor.payment.utils import (
    create_transaction_event_from_request_and_webhook_response,
)
from saleor.plugins.base_plugin import BasePlugin

INSTANT_APP = "standin.payments.instant"
GATEWAY = "saleor.helpdesk.tests.payments"
DECLINING_GATEWAY = "saleor.helpdesk.tests.declining"


def answer(request_event: Any, *, success: bool, message: str = "") -> None:
    """The payment app's response to a refund request, handled by Saleor."""
    create_transaction_event_from_request_and_webhook_response(
        request_event,
        None,
        {
            "pspReference": f"refund-{request_event.pk}",
            "result": "REFUND_SUCCESS" if success else "REFUND_FAILURE",
            "amount": str(request_event.amount_value),
            "message": message,
        },
    )


class _Gateway(BasePlugin):
    CONFIGURATION_PER_CHANNEL = False
    DEFAULT_ACTIVE = True
    DEFAULT_CONFIGURATION: list = []
    CONFIG_STRUCTURE: dict = {}
    DECLINES = False

    def refund_payment(self, payment_information: Any, previous_value: Any) -> Any:
        return GatewayResponse(
            is_success=not self.DECLINES,
            action_required=False,
            kind=TransactionKind.REFUND,
            amount=Decimal(payment_information.amount),
            currency=payment_information.currency,
            transaction_id=f"refund-{payment_information.payment_id}",
            error="The payment gateway declined." if self.DECLINES else None,
        )


class HelpdeskTestPayments(_Gateway):
    PLUGIN_ID = GATEWAY
    PLUGIN_NAME = "Helpdesk test payments"

    def transaction_refund_requested(
        self, transaction_data: Any, previous_value: Any
    ) -> Any:
        if transaction_data.transaction.app_identifier == INSTANT_APP:
            answer(transaction_data.event, success=True)
        return previous_value


class HelpdeskTestDecliningPayments(_Gateway):
    PLUGIN_ID = DECLINING_GATEWAY
    PLUGIN_NAME = "Helpdesk test payments (declining)"
    DECLINES = True
