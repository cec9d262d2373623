from django.apps import AppConfig


class ChannelConfig(AppConfig):
    """Stand-in for Saleor's `channel` app: same label, so relations and migrations match."""

    name = "tests.host.channel"
    label = "channel"
    default_auto_field = "django.db.models.AutoField"
