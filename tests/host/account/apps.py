from django.apps import AppConfig


class AccountConfig(AppConfig):
    """Stand-in for Saleor's `account` app: same label, so relations and migrations match."""

    name = "tests.host.account"
    label = "account"
    default_auto_field = "django.db.models.AutoField"
