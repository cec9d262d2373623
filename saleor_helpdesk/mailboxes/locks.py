"""One fetch per mailbox at a time, across every worker: a PostgreSQL advisory lock.

The lock is transaction-level (`pg_try_advisory_xact_lock`) and taken on a connection
of its own that keeps one transaction open for as long as the fetch runs; the fetch
itself commits every message on Django's usual connection. Why not the alternatives:

- A transaction-level lock on Django's connection would need one transaction around
  the whole fetch, so no message would be committed (and none could be marked seen)
  until the end.
- A session-level lock (`pg_try_advisory_lock`) outlives what holds it. Behind a
  transaction-pooling PgBouncer, common in Saleor deployments, the session belongs to
  whichever client the pooler hands it to next: that client would "hold" the lock
  too, and the unlock could reach another session and fail. On a persistent
  connection (`CONN_MAX_AGE`), a worker that dies between lock and unlock leaves the
  lock held until that connection closes; and when Django reconnects after a broken
  connection, the lock is silently gone.

An open transaction pins its server session (also through a pooler), and whatever
ends it (the fetch finishing, the worker dying and its socket closing, the server's
idle timeout below) releases the lock: it can neither leak nor be shared. The
transaction only takes the lock: it writes nothing and keeps no snapshot while idle,
so it does not hold back vacuum.

The lock saves work; it is not what keeps a message from being taken in twice (the
unique Message-ID does that). So a second fetch does not wait: it finds the mailbox
locked and skips it.
"""

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager, suppress

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.backends.base.base import BaseDatabaseWrapper

NAMESPACE = "saleor_helpdesk.mailbox-fetch"
# A worker that hangs (or whose host vanished without closing its socket) loses the
# lock after this long without a statement on the lock's connection; a live fetch
# sends one before every batch (`MailboxLock.held`), far more often.
IDLE_TIMEOUT = "10min"


def lock_key(mailbox_id: int) -> int:
    """The advisory lock's bigint key for a mailbox (8 bytes of a SHA-256, signed)."""
    digest = hashlib.sha256(f"{NAMESPACE}:{mailbox_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


class MailboxLock:
    def __init__(self, holder: BaseDatabaseWrapper) -> None:
        self._holder = holder

    def held(self) -> bool:
        """Whether the lock is still ours: false once its connection or transaction
        ended (a database restart, the idle timeout)."""
        try:
            with self._holder.cursor() as cursor:
                cursor.execute("SELECT 1")
        except DatabaseError:
            return False
        return True


@contextmanager
def mailbox_lock(mailbox_id: int) -> Iterator[MailboxLock | None]:
    """The mailbox's fetch lock for the block, or None when another worker has it."""
    holder = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        holder.set_autocommit(False)
        with holder.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('idle_in_transaction_session_timeout', %s, true)",
                [IDLE_TIMEOUT],
            )
            cursor.execute(
                "SELECT pg_try_advisory_xact_lock(%s)", [lock_key(mailbox_id)]
            )
            (taken,) = cursor.fetchone()
        yield MailboxLock(holder) if taken else None
    finally:
        # Ending the transaction releases the lock; closing ends it as well when the
        # rollback cannot be sent.
        with suppress(DatabaseError):
            holder.rollback()
        with suppress(DatabaseError):
            holder.close()
