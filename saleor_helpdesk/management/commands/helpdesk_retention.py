"""Apply the retention policy now (what the periodic task `apply_retention_policy`
does), with progress; `--dry-run` only counts. For cron where Celery beat is not set
up: `python manage.py helpdesk_retention`."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from ...host import get_host
from ...privacy.retention import apply, plan_by_scope


class Command(BaseCommand):
    help = (
        "Anonymise or delete closed tickets past the shop's retention period and "
        "remove expired files (--dry-run: only count)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Count what would be anonymised, deleted and removed; change nothing.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        scopes = list(plan_by_scope())
        for scope, counts in scopes:
            policy = scope.policy
            if policy.ticket_months is None and policy.attachment_months is None:
                self.stdout.write(f"{scope.name}: no retention period set")
                continue
            self.stdout.write(
                f"{scope.name}: {counts.tickets_to_anonymize} ticket(s) to anonymise, "
                f"{counts.tickets_to_delete} to delete, "
                f"{counts.attachments_to_remove} file(s) to remove"
            )
        if options["dry_run"]:
            self.stdout.write(self.style.SUCCESS("Dry run: nothing changed."))
            return

        def progress(what: str, done: int, total: int) -> None:
            self.stdout.write(f"  {what}: {done} of {total} due")

        with get_host().writer_access():
            done = apply(progress=progress)
        self.stdout.write(
            self.style.SUCCESS(
                f"Done. {done.tickets_to_anonymize} ticket(s) anonymised, "
                f"{done.tickets_to_delete} deleted, "
                f"{done.attachments_to_remove} file(s) removed."
            )
        )
