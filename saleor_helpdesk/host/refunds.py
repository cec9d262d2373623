"""What the host port says about refunds: plain values, no Saleor and no Django models,
so the domain and both hosts share one vocabulary."""

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class RefundableLine:
    line_id: str
    product_name: str
    quantity: int
    # What may still be refunded: the quantity minus what granted or legacy refunds
    # (that have not failed) already cover.
    refundable_quantity: int
    unit_price: Decimal


@dataclass(frozen=True)
class RefundReason:
    """One of the shop's refund reasons: a Saleor page of the configured page type."""

    id: str
    title: str


@dataclass(frozen=True)
class RefundOptions:
    """What the order allows, as the host sees it now."""

    method: str | None  # RefundMethod value, or None: nothing to refund through
    currency: str
    # The most one refund may return: the largest charged amount of one transaction
    # (Saleor refunds a granted refund through one transaction), or the payment's
    # captured amount. Refunds already pending in the host are not in it.
    max_amount: Decimal
    shipping_amount: Decimal
    shipping_refundable: bool
    lines: tuple[RefundableLine, ...] = ()
    reason_required: bool = False
    reasons: tuple[RefundReason, ...] = ()
    # Why nothing can be refunded, in words for the merchant (None when possible).
    unavailable: str | None = None

    def line(self, line_id: str) -> RefundableLine | None:
        return next((line for line in self.lines if line.line_id == line_id), None)


@dataclass(frozen=True)
class PaymentSummary:
    """One way the order was paid: a transaction (Transactions API) or a payment."""

    kind: str  # RefundMethod value
    name: str  # the transaction's name or the payment's gateway
    currency: str
    charged: Decimal
    refunded: Decimal
    pending_refund: Decimal
    can_refund: bool


@dataclass(frozen=True)
class RefundPlan:
    """One refund, validated by the helpdesk, for the host to carry out."""

    reference: str  # names the ticket's refund on the host's side
    # At the currency's precision, checked by `money.checked_amount` (Saleor's rule).
    amount: Decimal
    lines: tuple[tuple[str, int], ...] = ()  # (order line id, quantity)
    include_shipping: bool = False
    reason: str = ""
    reason_reference_id: str | None = None


@dataclass(frozen=True)
class RefundSubmission:
    """The host's answer: `state` is a RefundState value (pending, succeeded, failed)."""

    state: str
    method: str
    granted_refund_id: str = ""
    transaction_id: str = ""
    payment_id: str = ""
    message: str = ""


@dataclass(frozen=True)
class RefundStatus:
    """Where a submitted refund stands in the host now."""

    state: str  # RefundState value
    message: str = ""
    details: dict[str, str] = field(default_factory=dict)


class RefundRefused(Exception):
    """The host refused the refund before any money moved (permission, amount, a
    payment app that cannot refund …). `code` is a HelpdeskErrorCode value."""

    def __init__(self, field: str | None, code: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.code = code
        self.message = message
