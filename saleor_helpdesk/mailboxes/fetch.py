"""Fetching one IMAP mailbox: its new messages, each taken in once, none lost.

Under the mailbox's lock (`locks.py`; a second worker skips it), messages are fetched in
batches by UID, lowest first, and each is handed to `receive_email`, which commits it
(idempotent on the Message-ID). Per batch, in this order:

1. take each message in (its own transaction, committed);
2. `finish` the batch's messages on the server (mark them read, or move them);
3. store the folder's UIDVALIDITY and the last UID handled.

Whatever point a worker dies at, the next fetch repairs it. Killed after 1: the stored
UID is still below the message, so it is fetched again, found taken in (no second
comment) and finished. Killed after 2: fetched again too (read messages are fetched,
only the stored UID decides) and found taken in, or gone when it was moved. The stored
UID is advanced last because fetching resumes above it: had it passed a message before
`finish`, a crash there would leave that message unread in the mailbox for ever. At
most one batch is fetched twice after a crash, which costs one query per message.

A message whose intake raises (a database or storage error; `receive_email` raises
nothing for what a message says) is tried once more at once. Failing again, it is
skipped when a later message of the same run is taken in: the fault is that message's,
and it must not hold up the mail behind it; it stays unread (or unmoved) in the mailbox
for a person to see, and the mailbox's last fetch names it. When nothing after it goes
in either, the database or the storage is at fault: the run stops, the stored UID stays
before the failure, and the next run tries again from there.

The outcome is recorded on the mailbox (`last_fetch_at`, `_result`, `_error`,
`_count`); a server, login, TLS or configuration problem is recorded there, never raised.
"""

import logging
import ssl
import time
from contextlib import suppress
from dataclasses import dataclass, field
from email.parser import BytesHeaderParser
from enum import StrEnum

from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError, connection
from django.utils import timezone

from ..actions.inbound import Received, keep_unprocessable, receive_email
from ..core import secrets
from ..models import Mailbox
from ..models.mailbox import AfterFetch, FetchResult, MailboxKind
from . import imap
from .imap import ImapSettings, MailboxError
from .locks import MailboxLock, mailbox_lock

logger = logging.getLogger(__name__)

# Messages per IMAP round trip: enough to make the round trips cheap, few enough that
# a crash re-fetches little and a batch of large messages fits in memory.
BATCH_SIZE = 50
# A run stops starting messages after this long; the next run (a minute later, with
# Celery beat) carries on where it stopped. Long enough for a large backlog to drain
# in a few runs, short enough that a worker is not tied up by one mailbox.
TIME_BUDGET = 240.0
VIA = "imap"
# How much of an intake error the mailbox's last fetch shows.
ERROR_TEXT = 300


class FetchStatus(StrEnum):
    OK = "ok"
    FAILED = "failed"
    # Another worker is fetching this mailbox right now.
    LOCKED = "locked"
    # Gone, disabled, or not a mailbox the helpdesk fetches.
    SKIPPED = "skipped"


@dataclass
class FetchOutcome:
    mailbox_id: int
    address: str = ""
    status: FetchStatus = FetchStatus.OK
    # Taken in now / found taken in before (a refetch) / could not be taken in.
    new: int = 0
    known: int = 0
    failed: int = 0
    seconds: float = 0.0
    error: str = ""

    def summary(self) -> str:
        """One line for people: `support@shop: 12 new, 3 already known, 0 failed
        (2.1 s)`."""
        name = self.address or f"mailbox {self.mailbox_id}"
        if self.status == FetchStatus.LOCKED:
            return f"{name}: skipped, another fetch of this mailbox is running"
        if self.status == FetchStatus.SKIPPED:
            return f"{name}: skipped, {self.error}"
        counts = f"{self.new} new, {self.known} already known, {self.failed} failed"
        took = f"({self.seconds:.1f} s)"
        if self.status == FetchStatus.FAILED:
            return f"{name}: {counts}; FAILED: {self.error} {took}"
        return f"{name}: {counts} {took}"


class MailboxNotReady(Exception):
    """The mailbox's settings cannot be used as they are; the message says what to
    change."""


def imap_settings(mailbox: Mailbox) -> ImapSettings:
    """The mailbox's IMAP settings with its password decrypted. Raises
    `MailboxNotReady`, or a `core.secrets` error when the key is missing or wrong."""
    if not mailbox.imap_host or not mailbox.imap_user:
        raise MailboxNotReady("Enter the IMAP server and user name of this mailbox.")
    if not mailbox.imap_password:
        raise MailboxNotReady("No IMAP password is stored for this mailbox: enter it.")
    if mailbox.after_fetch == AfterFetch.MOVE and not mailbox.move_to_folder:
        raise MailboxNotReady(
            "Fetched messages are to be moved, but no folder is set: choose one, or "
            "mark them read instead."
        )
    return ImapSettings(
        host=mailbox.imap_host,
        port=mailbox.imap_port,
        security=mailbox.imap_security,  # type: ignore[arg-type]
        user=mailbox.imap_user,
        password=secrets.decrypt(mailbox.imap_password),
        folder=mailbox.imap_folder or "INBOX",
        after_fetch=mailbox.after_fetch,  # type: ignore[arg-type]
        move_to_folder=mailbox.move_to_folder,
    )


def fetch_mailbox(
    mailbox_id: int,
    *,
    batch_size: int = BATCH_SIZE,
    max_seconds: float | None = TIME_BUDGET,
    ssl_context: ssl.SSLContext | None = None,
) -> FetchOutcome:
    """Take in the mailbox's new messages (see the module docstring) and record the
    outcome on it. Raises only for a database failure or a bug, after recording it."""
    started = time.monotonic()
    outcome = FetchOutcome(mailbox_id=mailbox_id)
    with mailbox_lock(mailbox_id) as lock:
        mailbox = Mailbox.objects.filter(pk=mailbox_id).first()
        if mailbox is not None:
            outcome.address = mailbox.address
        if lock is None:
            outcome.status = FetchStatus.LOCKED
            return outcome
        reason = _not_fetched(mailbox)
        if reason or mailbox is None:
            outcome.status = FetchStatus.SKIPPED
            outcome.error = reason
            return outcome
        run = _Run(
            mailbox=mailbox,
            lock=lock,
            outcome=outcome,
            batch_size=batch_size,
            deadline=None if max_seconds is None else started + max_seconds,
            ssl_context=ssl_context,
        )
        try:
            run.fetch()
        except MailboxError as error:
            run.fail(error.message)
        except (
            MailboxNotReady,
            secrets.SecretUnreadable,
            ImproperlyConfigured,
        ) as error:
            run.fail(str(error))
        except Exception:
            outcome.seconds = time.monotonic() - started
            run.fail(
                "An unexpected error stopped the fetch; the logs have its details."
            )
            with suppress(DatabaseError):
                _record(mailbox, outcome)
            raise
        outcome.seconds = time.monotonic() - started
        _record(mailbox, outcome)
    return outcome


def _not_fetched(mailbox: Mailbox | None) -> str:
    if mailbox is None:
        return "the mailbox no longer exists"
    if mailbox.kind != MailboxKind.IMAP:
        return "its mail is pushed by an e-mail service, not fetched"
    if not mailbox.is_active:
        return "the mailbox is disabled"
    return ""


def _record(mailbox: Mailbox, outcome: FetchOutcome) -> None:
    ok = outcome.status == FetchStatus.OK
    Mailbox.objects.filter(pk=mailbox.pk).update(
        last_fetch_at=timezone.now(),
        last_fetch_result=FetchResult.OK if ok else FetchResult.FAILED,
        last_fetch_error="" if ok else outcome.error,
        last_fetch_count=outcome.new,
    )


@dataclass
class _Failure:
    uid: int
    message_id: str
    error: Exception
    raw: bytes = field(repr=False, default=b"")

    def describe(self) -> str:
        text = " ".join(str(self.error).split())[:ERROR_TEXT]
        name = f"Message UID {self.uid}"
        if self.message_id:
            name += f" ({self.message_id})"
        return f"{name} could not be taken in: {type(self.error).__name__}: {text}"


@dataclass
class _Run:
    mailbox: Mailbox
    lock: MailboxLock
    outcome: FetchOutcome
    batch_size: int
    deadline: float | None
    ssl_context: ssl.SSLContext | None
    errors: list[str] = field(default_factory=list)

    def fetch(self) -> None:
        settings = imap_settings(self.mailbox)
        uidvalidity, last_uid = self.mailbox.uidvalidity, self.mailbox.last_uid
        while not self._out_of_time():
            if not self.lock.held():
                self.errors.append(
                    "The fetch lost its lock (the database connection holding it "
                    "ended) and stopped; the next run carries on."
                )
                break
            batch = imap.fetch_new(
                settings,
                uidvalidity=uidvalidity,
                last_uid=last_uid,
                limit=self.batch_size,
                max_size=self.mailbox.max_message_size,
                ssl_context=self.ssl_context,
            )
            if batch.uidvalidity != uidvalidity:
                # The folder's UIDs started again: the stored ones mean nothing now.
                if uidvalidity is not None:
                    logger.info(
                        "Mailbox %s: UIDVALIDITY changed from %s to %s, reading the "
                        "folder again from its start.",
                        self.mailbox.address,
                        uidvalidity,
                        batch.uidvalidity,
                    )
                last_uid = 0
            done, handled_up_to, stop = self._take_in(batch.messages, batch.sizes)
            imap.finish(settings, done, ssl_context=self.ssl_context)
            uidvalidity, last_uid = batch.uidvalidity, max(handled_up_to, last_uid)
            if not self._advance(uidvalidity, last_uid):
                self.errors.append(
                    "The mailbox's settings changed during the fetch; the next run "
                    "reads it with the new ones."
                )
                break
            if stop or not batch.more:
                break
        if self.errors:
            self.fail()

    def fail(self, error: str = "") -> None:
        """Mark the run failed: `error` (what stopped it) first, then the messages
        that could not be taken in."""
        self.outcome.status = FetchStatus.FAILED
        self.outcome.error = " ".join(part for part in (error, *self.errors) if part)

    def _out_of_time(self) -> bool:
        return self.deadline is not None and time.monotonic() >= self.deadline

    def _take_in(
        self, messages: list[tuple[int, bytes]], sizes: dict[int, int]
    ) -> tuple[list[int], int, bool]:
        """Take the batch in, in UID order: (the UIDs to finish, the UID up to which
        every message was handled (taken in or skipped), whether to stop the run)."""
        done: list[int] = []
        handled_up_to = 0
        # Failed messages with nothing taken in after them (yet).
        pending: list[_Failure] = []
        timed_out = False
        for uid, raw in messages:
            if self._out_of_time():
                timed_out = True
                break
            try:
                received = self._receive(raw, sizes.get(uid))
            except Exception as error:  # a database or storage error, or a bug
                pending.append(_Failure(uid, _message_id(raw), error, raw))
                continue
            for failure in pending:
                # A later message went in: the fault was that message's. Skip it.
                self._skipped(failure)
            pending = []
            if received.created:
                self.outcome.new += 1
            else:
                self.outcome.known += 1
            done.append(uid)
            handled_up_to = uid
        if pending:
            first = pending[0]
            self.outcome.failed += len(pending)
            why = (
                "The run's time was up before a message after it"
                if timed_out
                else "Nothing after it could be taken in either"
            )
            self.errors.append(
                f"{first.describe()}. {why}, so the fetch stopped before it; the next "
                "run tries it again."
            )
            return done, handled_up_to, True
        return done, handled_up_to, False

    def _receive(self, raw: bytes, size: int | None) -> Received:
        """`receive_email`, tried a second time when the first attempt fails (a
        deadlock or a dropped connection goes away on a retry). `size`: the whole
        message's, when only its header was fetched."""
        try:
            return receive_email(raw, mailbox=self.mailbox, via=VIA, size=size)
        except Exception:
            logger.warning(
                "Mailbox %s: a message could not be taken in; trying once more.",
                self.mailbox.address,
                exc_info=True,
            )
            _drop_broken_connection()
        try:
            return receive_email(raw, mailbox=self.mailbox, via=VIA, size=size)
        except Exception:
            _drop_broken_connection()
            raise

    def _skipped(self, failure: _Failure) -> None:
        logger.error(
            "Mailbox %s: message UID %s was skipped: %s",
            self.mailbox.address,
            failure.uid,
            failure.describe(),
            exc_info=failure.error,
        )
        self.outcome.failed += 1
        kept = keep_unprocessable(
            failure.raw, mailbox=self.mailbox, via=VIA, error=failure.describe()
        )
        where = " and is kept for review" if kept is not None else ""
        self.errors.append(
            f"{failure.describe()}. It was skipped{where}; it stays unread in the "
            "mailbox."
        )

    def _advance(self, uidvalidity: int, last_uid: int) -> bool:
        """Store where the next fetch resumes. The update is conditional on what this
        run read, so that it never overwrites a reset made meanwhile (new server
        settings start the folder again); false when there was one."""
        stored = self.mailbox
        if (stored.uidvalidity, stored.last_uid) == (uidvalidity, last_uid):
            return True
        updated = Mailbox.objects.filter(
            pk=stored.pk, uidvalidity=stored.uidvalidity, last_uid=stored.last_uid
        ).update(uidvalidity=uidvalidity, last_uid=last_uid)
        stored.uidvalidity, stored.last_uid = uidvalidity, last_uid
        return bool(updated)


def _drop_broken_connection() -> None:
    """After a failed intake, a connection that no longer works is closed, so that the
    next query opens a new one (Django only checks at the end of a request)."""
    if connection.in_atomic_block or connection.connection is None:
        return
    if not connection.is_usable():
        connection.close()


def _message_id(raw: bytes) -> str:
    try:
        headers = BytesHeaderParser().parsebytes(raw[: 64 * 1024])
        return " ".join(str(headers.get("Message-ID", "")).split())[:200]
    except Exception:  # only for the error text: a header that cannot be read is ""
        return ""
