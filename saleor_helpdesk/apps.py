from django.apps import AppConfig


class HelpdeskConfig(AppConfig):
    name = "saleor_helpdesk"
    label = "saleor_helpdesk"
    verbose_name = "Helpdesk"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from .automation.triggers import plan_automation
        from .effort.tasks import plan_contract_checks
        from .notifications.planner import plan_emails
        from .sla.clock import plan_sla
        from .sla.notify import plan_sla_emails
        from .tickets.search_index import plan_search_refresh
        from .timeline import side_effects
        from .webhooks.planner import plan_webhooks

        # First: the index is part of the change itself, not something sent about it.
        side_effects.register(plan_search_refresh)
        # Service-level clocks move with the change, before anything is sent about it.
        side_effects.register(plan_sla)
        side_effects.register(plan_webhooks)
        side_effects.register(plan_emails)
        side_effects.register(plan_contract_checks)
        # Issue 14: rules run after commit, from a task (`automation/triggers.py`).
        side_effects.register(plan_automation)
        side_effects.register(plan_sla_emails)
