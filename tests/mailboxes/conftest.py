"""A private Dovecot for the IMAP tests (`dovecot.py`), started once per test session
and stopped at its end.

Each test gets its own mail account (written to the passwd-file before the server
starts), so tests share the server but not mail.
"""

from collections.abc import Iterator

import pytest

from .dovecot import (
    ACCOUNTS,
    Account,
    DovecotFailed,
    DovecotMissing,
    DovecotServer,
    free_port,
    password,
    running_dovecot,
)

__all__ = ["Account", "DovecotServer", "free_port", "password"]


@pytest.fixture(scope="session")
def dovecot() -> Iterator[DovecotServer]:
    try:
        with running_dovecot(ACCOUNTS) as server:
            yield server
    except DovecotMissing as missing:
        pytest.skip(str(missing))
    except DovecotFailed as failed:
        pytest.fail(str(failed))


_accounts = iter(ACCOUNTS)


@pytest.fixture
def account(dovecot: DovecotServer) -> Account:
    return Account.of(dovecot, next(_accounts))
