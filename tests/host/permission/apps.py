from django.apps import AppConfig


class PermissionConfig(AppConfig):
    """Stand-in for Saleor's `permission` app: same label, so relations and migrations match."""

    name = "tests.host.permission"
    label = "permission"
    default_auto_field = "django.db.models.AutoField"
