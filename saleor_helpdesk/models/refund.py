"""Refunds started from a ticket, and the merchant's map from complaint reasons to the
shop's refund reasons (Saleor pages)."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from ..core.constants import ComplaintReason, RefundMethod, RefundState
from .ticket import Ticket


class TicketRefund(models.Model):
    """One refund a staff member asked Saleor for, from a ticket.

    `idempotency_key` is unique: the same request sent twice (a double click, a retried
    HTTP call) finds this row instead of refunding again. The Saleor side is named by
    `granted_refund_id` (Transactions API) or `payment_id` (legacy payments)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="refunds")
    order = models.ForeignKey(
        "order.Order", on_delete=models.PROTECT, related_name="helpdesk_refunds"
    )
    idempotency_key = models.CharField(max_length=128, unique=True)
    state = models.CharField(
        max_length=16, choices=RefundState.choices, default=RefundState.REQUESTED
    )
    method = models.CharField(max_length=16, choices=RefundMethod.choices)
    amount = models.DecimalField(max_digits=20, decimal_places=3)
    currency = models.CharField(max_length=3)
    include_shipping = models.BooleanField(default=False)
    reason = models.TextField(blank=True)
    # The Saleor page (of the shop's refund-reason page type) chosen, as its pk.
    reason_reference_id = models.CharField(max_length=64, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_by_app = models.ForeignKey(
        "app.App", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    granted_refund_id = models.CharField(max_length=64, blank=True)
    transaction_id = models.CharField(max_length=64, blank=True)
    payment_id = models.CharField(max_length=64, blank=True)
    failure_message = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("created_at", "pk")
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0), name="helpdesk_refund_amount_positive"
            )
        ]
        indexes = [
            # The sync task looks for open refunds, per order and overall.
            models.Index(
                fields=["order", "state"],
                name="helpdesk_refund_open_idx",
                condition=Q(state__in=[RefundState.REQUESTED, RefundState.PENDING]),
            )
        ]

    @property
    def is_open(self) -> bool:
        return self.state in (RefundState.REQUESTED, RefundState.PENDING)

    @property
    def reference(self) -> str:
        """How the refund is named on Saleor's side (granted refund reason, order note)
        and on the ticket's timeline."""
        return f"helpdesk-refund:{self.pk}"


class TicketRefundLine(models.Model):
    refund = models.ForeignKey(
        TicketRefund, on_delete=models.CASCADE, related_name="lines"
    )
    order_line = models.ForeignKey(
        "order.OrderLine", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    product_name = models.CharField(max_length=386, blank=True)
    quantity = models.PositiveIntegerField()

    class Meta:
        ordering = ("pk",)
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity__gt=0), name="helpdesk_refund_line_quantity"
            )
        ]


class RefundReasonMapping(models.Model):
    """Which of the shop's refund reasons (a Saleor page) a complaint reason preselects."""

    complaint_reason = models.CharField(
        max_length=32, choices=ComplaintReason.choices, unique=True
    )
    reason_reference_id = models.CharField(max_length=64)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("complaint_reason",)
