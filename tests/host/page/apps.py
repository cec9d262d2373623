from django.apps import AppConfig


class PageConfig(AppConfig):
    """Stand-in for Saleor's `page` app: same label, so relations match."""

    name = "tests.host.page"
    label = "page"
    default_auto_field = "django.db.models.AutoField"
