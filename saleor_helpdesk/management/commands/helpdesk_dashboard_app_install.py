"""Create or update the helpdesk's Saleor App and its Dashboard extensions."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from ...dashboard.app import (
    InstallResult,
    InstallStatus,
    InvalidBaseURL,
    dashboard_app_spec,
)
from ...dashboard.files import missing_build
from ...host import get_host


class Command(BaseCommand):
    help = (
        "Create or update the helpdesk's Saleor App with its Dashboard extensions "
        "(inbox in the navigation, widgets on the order and customer pages). Running "
        "it again changes nothing unless something differs."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--base-url",
            default=None,
            help="Saleor's public URL, e.g. https://shop.example.com (default: the "
            "PUBLIC_URL setting). The extension's pages are served below "
            "<base-url>/plugins/global/saleor.helpdesk/dashboard/.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        base_url = options["base_url"] or getattr(settings, "PUBLIC_URL", None)
        if not base_url:
            raise CommandError(
                "No base URL: pass --base-url https://<your-saleor> or set PUBLIC_URL."
            )
        try:
            spec = dashboard_app_spec(base_url)
        except InvalidBaseURL as error:
            raise CommandError(str(error)) from error
        # An app whose pages answer 404 would only show merchants an error in their
        # Dashboard: a checkout installed without the extension's build stops here.
        problem = missing_build()
        if problem:
            raise CommandError(problem)
        result = get_host().install_dashboard_app(spec)
        self.stdout.write(_summary(result, spec.name))
        if result.status is not InstallStatus.UNCHANGED:
            self.stdout.write(f"Pages: {spec.app_url}")
        if result.skipped:
            self.stdout.write(
                "Not installed, this Saleor has no such mount or target: "
                + ", ".join(result.skipped)
            )
        if not result.is_active:
            self.stdout.write(
                "The app is deactivated: activate it in the Dashboard (Extensions) to "
                "show the helpdesk there."
            )


def _summary(result: InstallResult, name: str) -> str:
    head = f'Dashboard app "{name}" {result.status} (app id {result.app_id})'
    if result.status is InstallStatus.CREATED:
        count = result.extensions_created
        return f"{head} with {count} extension{'' if count == 1 else 's'}."
    if result.status is InstallStatus.UNCHANGED:
        return f"{head}: nothing to do."
    counts = (
        f"extensions: {result.extensions_created} created, "
        f"{result.extensions_updated} updated, {result.extensions_removed} removed"
    )
    return f"{head}: {'; '.join(result.changes)} ({counts})."
