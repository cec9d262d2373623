from django.apps import AppConfig


class HelpdeskConfig(AppConfig):
    name = "saleor_helpdesk"
    label = "saleor_helpdesk"
    verbose_name = "Helpdesk"
    default_auto_field = "django.db.models.BigAutoField"
