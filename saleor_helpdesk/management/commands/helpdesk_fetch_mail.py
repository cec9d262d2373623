"""Fetch new e-mail now (what the periodic task `fetch_all_mailboxes` does), one line
per mailbox: after an outage, while setting a mailbox up, or without Celery beat.

Exits with status 1 when a mailbox's fetch failed (the line says why; the mailbox's
last fetch shows it too), so a cron job or a script notices.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ...host import get_host
from ...mailboxes.fetch import TIME_BUDGET, FetchStatus, fetch_mailbox
from ...models import Mailbox
from ...models.mailbox import MailboxKind


class Command(BaseCommand):
    help = (
        "Fetch new e-mail from the active IMAP mailboxes (or the ones named) and take "
        "it in; one line per mailbox, exit status 1 when one failed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--mailbox",
            action="append",
            default=[],
            metavar="ID_OR_ADDRESS",
            help="Only this mailbox, by id or address (repeat for more).",
        )
        parser.add_argument(
            "--max-seconds",
            type=float,
            default=TIME_BUDGET,
            help="Stop taking a mailbox's messages in after this long; the rest wait "
            f"for the next run (default {TIME_BUDGET:g}).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        with get_host().writer_access():
            mailboxes = self._chosen(options["mailbox"])
            if not mailboxes:
                self.stdout.write("No active IMAP mailbox to fetch.")
                return
            failed = 0
            for mailbox in mailboxes:
                outcome = fetch_mailbox(mailbox.pk, max_seconds=options["max_seconds"])
                if outcome.status == FetchStatus.FAILED:
                    failed += 1
                    self.stdout.write(self.style.ERROR(outcome.summary()))
                else:
                    self.stdout.write(outcome.summary())
        if failed:
            raise CommandError(
                f"{failed} of {len(mailboxes)} mailbox(es) could not be fetched.",
                returncode=1,
            )

    def _chosen(self, names: list[str]) -> list[Mailbox]:
        if not names:
            return list(Mailbox.objects.filter(is_active=True, kind=MailboxKind.IMAP))
        chosen = []
        for name in names:
            mailbox = _find(name)
            if mailbox is None:
                raise CommandError(f"No mailbox has the id or address {name!r}.")
            if mailbox.kind != MailboxKind.IMAP:
                raise CommandError(
                    f"{mailbox.address}: its mail is pushed by an e-mail service, not "
                    "fetched."
                )
            if not mailbox.is_active:
                raise CommandError(
                    f"{mailbox.address} is disabled: enable it to fetch its mail."
                )
            if mailbox not in chosen:
                chosen.append(mailbox)
        return chosen


def _find(name: str) -> Mailbox | None:
    name = name.strip()
    if name.isdigit():
        return Mailbox.objects.filter(pk=int(name)).first()
    return Mailbox.objects.filter(address__iexact=name).first()
