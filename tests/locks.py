"""Helpers for tests where two transactions meet at a row lock."""

import time

from django.db import connection


def wait_for_a_lock_waiter(seconds: float = 10) -> None:
    """Return once some transaction waits for a lock (or after `seconds`): the moment
    to let the holder commit, so the waiter goes on past the lock."""
    deadline = time.monotonic() + seconds
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute("SELECT count(*) FROM pg_locks WHERE NOT granted")
            if cursor.fetchone()[0]:
                return
            time.sleep(0.05)
