"""Stand-in for `saleor.payment.models`: TransactionItem and TransactionEvent
(Transactions API) and Payment (the legacy API), with Saleor's field names."""

import uuid
from decimal import Decimal

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils import timezone


class TransactionEventType:
    CHARGE_SUCCESS = "charge_success"
    REFUND_REQUEST = "refund_request"
    REFUND_SUCCESS = "refund_success"
    REFUND_FAILURE = "refund_failure"


class TransactionAction:
    CHARGE = "charge"
    REFUND = "refund"
    CANCEL = "cancel"


def _money() -> models.DecimalField:
    return models.DecimalField(max_digits=20, decimal_places=3, default=Decimal(0))


class TransactionItem(models.Model):
    token = models.UUIDField(unique=True, default=uuid.uuid4)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    name = models.CharField(max_length=512, blank=True, default="")
    psp_reference = models.CharField(max_length=512, blank=True, null=True)
    available_actions = ArrayField(models.CharField(max_length=128), default=list)
    currency = models.CharField(max_length=3)
    authorized_value = _money()
    charged_value = _money()
    refunded_value = _money()
    refund_pending_value = _money()
    order = models.ForeignKey(
        "order.Order",
        related_name="payment_transactions",
        null=True,
        on_delete=models.PROTECT,
    )
    app_identifier = models.CharField(blank=True, null=True, max_length=256)

    class Meta:
        ordering = ("pk",)
        app_label = "payment"


class TransactionEvent(models.Model):
    psp_reference = models.CharField(max_length=512, blank=True, null=True)
    created_at = models.DateTimeField(default=timezone.now)
    type = models.CharField(max_length=128)
    transaction = models.ForeignKey(
        TransactionItem, related_name="events", on_delete=models.CASCADE
    )
    amount_value = _money()
    currency = models.CharField(max_length=3)
    message = models.CharField(max_length=512, blank=True, default="")
    related_granted_refund = models.ForeignKey(
        "order.OrderGrantedRefund",
        related_name="transaction_events",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )

    class Meta:
        ordering = ("pk",)
        app_label = "payment"


class ChargeStatus:
    NOT_CHARGED = "not-charged"
    PARTIALLY_CHARGED = "partially-charged"
    FULLY_CHARGED = "fully-charged"
    PARTIALLY_REFUNDED = "partially-refunded"
    FULLY_REFUNDED = "fully-refunded"


class Payment(models.Model):
    gateway = models.CharField(max_length=255)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)
    charge_status = models.CharField(max_length=20, default=ChargeStatus.NOT_CHARGED)
    total = _money()
    captured_amount = _money()
    currency = models.CharField(max_length=3)
    order = models.ForeignKey(
        "order.Order", null=True, related_name="payments", on_delete=models.PROTECT
    )
    psp_reference = models.CharField(max_length=512, null=True, blank=True)

    class Meta:
        ordering = ("pk",)
        app_label = "payment"

    def can_refund(self) -> bool:
        # Saleor's `Payment.can_refund`.
        return self.charge_status in (
            ChargeStatus.PARTIALLY_CHARGED,
            ChargeStatus.FULLY_CHARGED,
            ChargeStatus.PARTIALLY_REFUNDED,
        )
