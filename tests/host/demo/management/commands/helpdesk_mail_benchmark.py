"""E-mail intake throughput from a Dovecot mailbox of 1,000 messages, against fetching
them over IMAP alone and parsing them alone, in the same run (`bin/benchmark --mail`;
see `tests/mailboxes/benchmark.py`). Needs Dovecot, as the IMAP tests do."""

import tempfile
from typing import Any

from cryptography.fernet import Fernet
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.test import override_settings

from tests.mailboxes.benchmark import measure
from tests.mailboxes.dovecot import (
    Account,
    DovecotFailed,
    DovecotMissing,
    running_dovecot,
)

USER = "bench"


class Command(BaseCommand):
    help = "Measure e-mail intake from a Dovecot mailbox and print the ratios."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--messages", type=int, default=1000, help="Messages in the mailbox."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        count = options["messages"]
        try:
            with (
                running_dovecot([USER]) as server,
                tempfile.TemporaryDirectory(prefix="helpdesk-mail-bench-") as media,
                # Production's DEBUG (no query log); the messages' originals are
                # kept as files, here not in the project's folders.
                override_settings(
                    DEBUG=False,
                    PRIVATE_MEDIA_ROOT=media,
                    HELPDESK_MAILBOX_KEY=Fernet.generate_key().decode(),
                ),
            ):
                self.stdout.write(
                    f"filling a Dovecot mailbox with {count} messages and taking "
                    "them in …"
                )
                result = measure(Account.of(server, USER), count)
        except (DovecotMissing, DovecotFailed) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"(filled over IMAP in {result.fill_seconds:.1f} s)")
        self.stdout.write(result.report())
