"""Stand-in for `saleor.order.models`: Order, OrderLine and OrderEvent.

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
