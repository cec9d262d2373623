from django.apps import AppConfig


class SiteConfig(AppConfig):
    """Stand-in for Saleor's `site` app: same label, so relations match."""

    name = "tests.host.site"
    label = "site"
    default_auto_field = "django.db.models.AutoField"
