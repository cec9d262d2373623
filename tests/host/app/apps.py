from django.apps import AppConfig


class AppConfig(AppConfig):
    """Stand-in for Saleor's `app` app: same label, so relations and migrations match."""

    name = "tests.host.app"
    label = "app"
    default_auto_field = "django.db.models.AutoField"
