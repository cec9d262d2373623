"""Stand-in for `saleor.order.models`: Order, OrderLine, OrderEvent, granted refunds and
fulfilments (refund fulfilments of legacy payments).

Names, primary-key types and related names follow Saleor; only the fields the helpdesk
reads exist. Order numbers come from a sequence as in Saleor.
"""

import uuid
from decimal import Decimal

from django.conf import settings
from django.db import connection, models
from django.utils import timezone


class OrderStatus:
    DRAFT = "draft"
    UNCONFIRMED = "unconfirmed"
    UNFULFILLED = "unfulfilled"
    PARTIALLY_FULFILLED = "partially fulfilled"
    FULFILLED = "fulfilled"
    CANCELED = "canceled"


def get_order_number() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval('order_order_number_seq')")
        return int(cursor.fetchone()[0])


class Order(models.Model):
    id = models.UUIDField(primary_key=True, editable=False, default=uuid.uuid4)
    number = models.IntegerField(unique=True, default=get_order_number, editable=False)
    created_at = models.DateTimeField(
        default=timezone.now, editable=False, db_index=True
    )
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    status = models.CharField(max_length=32, default=OrderStatus.UNFULFILLED)
    charge_status = models.CharField(max_length=32, default="none")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        blank=True,
        null=True,
        related_name="orders",
        on_delete=models.SET_NULL,
    )
    user_email = models.EmailField(blank=True, default="")
    language_code = models.CharField(max_length=35, default="en")
    billing_address = models.ForeignKey(
        "account.Address",
        related_name="+",
        editable=False,
        null=True,
        on_delete=models.SET_NULL,
    )
    shipping_address = models.ForeignKey(
        "account.Address",
        related_name="+",
        editable=False,
        null=True,
        on_delete=models.SET_NULL,
    )
    channel = models.ForeignKey(
        "channel.Channel", related_name="orders", on_delete=models.PROTECT
    )
    currency = models.CharField(max_length=3)
    total_net_amount = models.DecimalField(
        max_digits=20, decimal_places=3, default=Decimal(0)
    )
    total_gross_amount = models.DecimalField(
        max_digits=20, decimal_places=3, default=Decimal(0)
    )
    total_charged_amount = models.DecimalField(
        max_digits=20, decimal_places=3, default=Decimal(0)
    )
    shipping_price_gross_amount = models.DecimalField(
        max_digits=20, decimal_places=3, default=Decimal(0)
    )
    metadata = models.JSONField(default=dict, blank=True)
    private_metadata = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ("-number",)
        app_label = "order"

    def __str__(self) -> str:
        return f"#{self.number}"


class OrderLine(models.Model):
    id = models.UUIDField(primary_key=True, editable=False, default=uuid.uuid4)
    order = models.ForeignKey(Order, related_name="lines", on_delete=models.CASCADE)
    product_name = models.CharField(max_length=386)
    variant_name = models.CharField(max_length=255, default="", blank=True)
    product_sku = models.CharField(max_length=255, null=True, blank=True)
    quantity = models.IntegerField()
    quantity_fulfilled = models.IntegerField(default=0)
    currency = models.CharField(max_length=3)
    unit_price_gross_amount = models.DecimalField(max_digits=20, decimal_places=3)
    total_price_gross_amount = models.DecimalField(max_digits=20, decimal_places=3)

    class Meta:
        ordering = ("order", "pk")
        app_label = "order"


class OrderEvent(models.Model):
    date = models.DateTimeField(default=timezone.now, editable=False)
    type = models.CharField(max_length=255)
    order = models.ForeignKey(Order, related_name="events", on_delete=models.CASCADE)
    parameters = models.JSONField(blank=True, default=dict)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        blank=True,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    app = models.ForeignKey(
        "app.App", blank=True, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ("date",)
        app_label = "order"


class OrderGrantedRefundStatus:
    NONE = "none"
    PENDING = "pending"
    SUCCESS = "success"
    FAILURE = "failure"


class OrderGrantedRefund(models.Model):
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    amount_value = models.DecimalField(
        max_digits=20, decimal_places=3, default=Decimal(0)
    )
    currency = models.CharField(max_length=3)
    reason = models.TextField(blank=True, default="")
    reason_reference = models.ForeignKey(
        "page.Page", related_name="+", on_delete=models.SET_NULL, null=True, blank=True
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        blank=True,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    app = models.ForeignKey(
        "app.App", related_name="+", on_delete=models.SET_NULL, null=True, blank=True
    )
    order = models.ForeignKey(
        Order, related_name="granted_refunds", on_delete=models.CASCADE
    )
    shipping_costs_included = models.BooleanField(default=False)
    transaction_item = models.ForeignKey(
        "payment.TransactionItem",
        related_name="granted_refund",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    status = models.CharField(max_length=128, default=OrderGrantedRefundStatus.NONE)

    class Meta:
        ordering = ("created_at", "id")
        app_label = "order"


class OrderGrantedRefundLine(models.Model):
    order_line = models.ForeignKey(
        OrderLine, related_name="granted_refund_lines", on_delete=models.CASCADE
    )
    quantity = models.PositiveIntegerField()
    granted_refund = models.ForeignKey(
        OrderGrantedRefund, related_name="lines", on_delete=models.CASCADE
    )
    reason = models.TextField(blank=True, null=True, default="")

    class Meta:
        app_label = "order"


class FulfillmentStatus:
    FULFILLED = "fulfilled"
    REFUNDED = "refunded"
    CANCELED = "canceled"


class Fulfillment(models.Model):
    fulfillment_order = models.PositiveIntegerField(editable=False)
    order = models.ForeignKey(
        Order, related_name="fulfillments", on_delete=models.CASCADE
    )
    status = models.CharField(max_length=32, default=FulfillmentStatus.FULFILLED)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    total_refund_amount = models.DecimalField(
        max_digits=20, decimal_places=3, blank=True, null=True
    )
    shipping_refund_amount = models.DecimalField(
        max_digits=20, decimal_places=3, blank=True, null=True
    )

    class Meta:
        ordering = ("pk",)
        app_label = "order"


class FulfillmentLine(models.Model):
    order_line = models.ForeignKey(
        OrderLine, related_name="fulfillment_lines", on_delete=models.CASCADE
    )
    fulfillment = models.ForeignKey(
        Fulfillment, related_name="lines", on_delete=models.CASCADE
    )
    quantity = models.PositiveIntegerField()

    class Meta:
        app_label = "order"
