"""Recompute the full-text search vectors of every ticket, in batches, with progress:
after restoring a database, after changing what the index holds, or to check that it
is complete. The write paths keep the vectors current; this is never needed for that.
`python manage.py helpdesk_search_reindex --batch-size 500`."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ...host import get_host
from ...tickets.search_index import reindex_all


class Command(BaseCommand):
    help = "Recompute the search vectors of all tickets (one transaction per batch)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--batch-size",
            type=int,
            default=1000,
            help="Tickets per transaction (default 1000).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        size = options["batch_size"]
        if size < 1:
            raise CommandError("--batch-size must be at least 1.")

        def progress(done: int, total: int) -> None:
            self.stdout.write(f"  {done} of {total} tickets")

        with get_host().writer_access():
            done = reindex_all(batch_size=size, progress=progress)
        self.stdout.write(self.style.SUCCESS(f"Done. {done} ticket(s) reindexed."))
