from django.apps import AppConfig


class PaymentConfig(AppConfig):
    """Stand-in for Saleor's `payment` app: same label, so relations match."""

    name = "tests.host.payment"
    label = "payment"
    default_auto_field = "django.db.models.AutoField"
