"""Remove the helpdesk's Saleor App, its Dashboard extensions and tokens."""

from typing import Any

from django.core.management.base import BaseCommand

from ... import PLUGIN_ID
from ...host import get_host


class Command(BaseCommand):
    help = (
        "Remove the helpdesk's Saleor App with its Dashboard extensions and tokens. "
        "Tickets and every other helpdesk row stay."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if get_host().uninstall_dashboard_app(PLUGIN_ID):
            self.stdout.write(
                f'Dashboard app "{PLUGIN_ID}" removed with its extensions and tokens; '
                "helpdesk data kept."
            )
        else:
            self.stdout.write(
                f'Nothing to remove: no Dashboard app "{PLUGIN_ID}" is installed.'
            )
