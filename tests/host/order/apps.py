from django.apps import AppConfig


class OrderConfig(AppConfig):
    """Stand-in for Saleor's `order` app: same label, so relations and migrations match."""

    name = "tests.host.order"
    label = "order"
    default_auto_field = "django.db.models.AutoField"
