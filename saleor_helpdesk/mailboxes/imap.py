"""A thin IMAP client over imap-tools: test a mailbox's settings, fetch the messages
that arrived since the last run, and mark them read or move them away.

Fetching is by UID and resumable: the caller keeps the folder's UIDVALIDITY and the
last UID it finished with (after each message), and passes both back. When the server
changed the folder's UIDVALIDITY the old UIDs mean nothing any more, so fetching starts
again from the beginning of the folder. Messages come as the raw RFC 822 bytes, read
with `BODY.PEEK[]` so that fetching alone does not mark them seen; `finish` does that
(or moves them) once the caller has stored them.

TLS certificates are always verified against the system's trust store; `ssl_context`
exists so the tests can trust their own certificate authority, not to switch checks off.
Every failure is a `MailboxError` with a code a person can act on; no message carries
the password.
"""

import imaplib
import re
import socket
import ssl
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

from imap_tools import BaseMailBox, MailBox, MailBoxStartTls, MailBoxUnencrypted
from imap_tools.errors import (
    ImapToolsError,
    MailboxFolderSelectError,
    MailboxLoginError,
    MailboxStarttlsError,
    UnexpectedCommandStatusError,
)

DEFAULT_TIMEOUT = 30.0


class MailboxErrorCode(StrEnum):
    WRONG_CREDENTIALS = "wrong_credentials"
    TLS_FAILED = "tls_failed"
    CANNOT_CONNECT = "cannot_connect"
    FOLDER_MISSING = "folder_missing"
    SERVER_ERROR = "server_error"


class MailboxError(Exception):
    def __init__(self, code: MailboxErrorCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class ImapSettings:
    host: str
    port: int
    security: Literal["ssl", "starttls", "none"]
    user: str
    password: str = field(repr=False)
    folder: str = "INBOX"
    after_fetch: Literal["mark_read", "move"] = "mark_read"
    move_to_folder: str = ""
    # Seconds any one network operation (connect, TLS handshake, a read) may take.
    timeout: float = DEFAULT_TIMEOUT


# A batch stops growing past this many bytes (it always holds one message), so a
# folder of large messages is never held in memory at once.
BATCH_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class FetchBatch:
    """The folder's UIDVALIDITY and the fetched messages as (UID, raw bytes), in UID
    order; compare `uidvalidity` with the stored one to know the UIDs restarted.

    `sizes`: the full size of each message larger than `max_size`, of which only the
    header was fetched. `more`: messages above the batch's UIDs are waiting."""

    uidvalidity: int
    messages: list[tuple[int, bytes]]
    sizes: dict[int, int] = field(default_factory=dict)
    more: bool = False


def test_connection(
    settings: ImapSettings, *, ssl_context: ssl.SSLContext | None = None
) -> None:
    """Log in and open the folder: a `MailboxError` says why that cannot be done."""
    with _session(settings, ssl_context):
        pass


def fetch_new(
    settings: ImapSettings,
    *,
    uidvalidity: int | None,
    last_uid: int,
    limit: int,
    max_size: int | None = None,
    ssl_context: ssl.SSLContext | None = None,
) -> FetchBatch:
    """At most `limit` messages (and about `BATCH_BYTES`) with a UID above
    `last_uid`, lowest first; all of the folder's messages when its UIDVALIDITY is not
    `uidvalidity`. Of a message larger than `max_size` only the header is fetched: the
    caller refuses it, and need not download it to say so."""
    with _session(settings, ssl_context) as mailbox, _server_errors():
        current = _uidvalidity(mailbox, settings.folder)
        if current != uidvalidity:
            last_uid = 0
        # `n:*` always includes the highest UID, even one below n: filter here.
        found = sorted(
            uid
            for uid in (int(text) for text in mailbox.uids(f"UID {last_uid + 1}:*"))
            if uid > last_uid
        )
        wanted = found[:limit]
        sizes = _sizes(mailbox, wanted)
        messages: list[tuple[int, bytes]] = []
        too_large: dict[int, int] = {}
        total = 0
        for position, uid in enumerate(wanted):
            size = sizes.get(uid, 0)
            if messages and total + min(size, max_size or size) > BATCH_BYTES:
                wanted = wanted[:position]
                break
            head_only = max_size is not None and size > max_size
            raw = _fetch_raw(mailbox, uid, "HEADER" if head_only else "")
            if raw is None:
                continue
            if head_only:
                too_large[uid] = size
            messages.append((uid, raw))
            total += len(raw)
        return FetchBatch(
            uidvalidity=current,
            messages=messages,
            sizes=too_large,
            more=len(found) > len(wanted),
        )


def finish(
    settings: ImapSettings,
    uids: Sequence[int],
    *,
    ssl_context: ssl.SSLContext | None = None,
) -> None:
    """Mark the messages seen, or move them to `move_to_folder` (created when it is
    missing), as the settings say."""
    if not uids:
        return
    uid_set = ",".join(str(uid) for uid in uids)
    with _session(settings, ssl_context) as mailbox, _server_errors():
        if settings.after_fetch == "move":
            if not mailbox.folder.exists(settings.move_to_folder):
                mailbox.folder.create(settings.move_to_folder)
            mailbox.move(uid_set, settings.move_to_folder)
        else:
            result = mailbox.client.uid("STORE", uid_set, "+FLAGS.SILENT", r"(\Seen)")
            if result[0] != "OK":
                raise MailboxError(
                    MailboxErrorCode.SERVER_ERROR,
                    f"The server did not mark the messages read: {_text(result[1])}",
                )


_SIZE = re.compile(rb"UID (\d+) RFC822\.SIZE (\d+)|RFC822\.SIZE (\d+) UID (\d+)")


def _sizes(mailbox: BaseMailBox, uids: Sequence[int]) -> dict[int, int]:
    """Each message's size in bytes, as the server counts it (one command)."""
    if not uids:
        return {}
    uid_set = ",".join(str(uid) for uid in uids)
    with _server_errors():
        status, data = mailbox.client.uid("FETCH", uid_set, "(UID RFC822.SIZE)")
    if status != "OK":
        raise MailboxError(
            MailboxErrorCode.SERVER_ERROR,
            f"The server did not tell the messages' sizes: {_text(data)}",
        )
    sizes = {}
    for line in data:
        text = line[0] if isinstance(line, tuple) else line
        if not isinstance(text, bytes):
            continue
        match = _SIZE.search(text)
        if match:
            uid, size = (match[1], match[2]) if match[1] else (match[4], match[3])
            sizes[int(uid)] = int(size)
    return sizes


def _fetch_raw(mailbox: BaseMailBox, uid: int, section: str = "") -> bytes | None:
    """The message's raw bytes (or one section, such as its HEADER), or None when it
    was expunged in the meantime."""
    with _server_errors():
        status, data = mailbox.client.uid(
            "FETCH", str(uid), f"(UID BODY.PEEK[{section}])"
        )
    if status != "OK":
        raise MailboxError(
            MailboxErrorCode.SERVER_ERROR,
            f"The server did not return message {uid}: {_text(data)}",
        )
    head = re.compile(rb"BODY\[" + section.encode() + rb"\]")
    for part in data:
        if isinstance(part, tuple) and head.search(part[0]):
            return bytes(part[1])
    return None


def _uidvalidity(mailbox: BaseMailBox, folder: str) -> int:
    # SELECT (done at login) reports it; STATUS asks when that answer was not kept.
    _, values = mailbox.client.response("UIDVALIDITY")
    if values and values[0]:
        return int(values[-1])
    with _server_errors():
        return int(mailbox.folder.status(folder, ["UIDVALIDITY"])["UIDVALIDITY"])


@contextmanager
def _session(
    settings: ImapSettings, ssl_context: ssl.SSLContext | None
) -> Iterator[BaseMailBox]:
    where = f"{settings.host}:{settings.port}"
    try:
        mailbox = _connect(settings, ssl_context or ssl.create_default_context())
    except ssl.SSLCertVerificationError as error:
        raise MailboxError(
            MailboxErrorCode.TLS_FAILED,
            f"The certificate of {where} is not trusted: {error.verify_message}.",
        ) from None
    except (ssl.SSLError, MailboxStarttlsError) as error:
        raise MailboxError(
            MailboxErrorCode.TLS_FAILED,
            f"No TLS connection with {where} (is the security setting right?): {error}",
        ) from None
    except imaplib.IMAP4.error as error:
        if settings.security == "starttls":
            # imaplib's own refusal when the server does not offer STARTTLS.
            raise MailboxError(
                MailboxErrorCode.TLS_FAILED, f"No TLS connection with {where}: {error}"
            ) from None
        raise MailboxError(
            MailboxErrorCode.CANNOT_CONNECT,
            f"{where} does not answer as an IMAP server: {error}",
        ) from None
    except socket.gaierror:
        raise MailboxError(
            MailboxErrorCode.CANNOT_CONNECT,
            f"The host name {settings.host!r} cannot be resolved.",
        ) from None
    except TimeoutError:
        raise MailboxError(
            MailboxErrorCode.CANNOT_CONNECT,
            f"{where} did not answer within {settings.timeout:g} s.",
        ) from None
    except OSError as error:
        raise MailboxError(
            MailboxErrorCode.CANNOT_CONNECT,
            f"Cannot connect to {where}: {error.strerror or error}.",
        ) from None
    try:
        with _server_errors():
            _log_in(mailbox, settings)
        yield mailbox
    finally:
        with suppress(OSError, imaplib.IMAP4.error, ImapToolsError):
            mailbox.logout()


def _connect(settings: ImapSettings, context: ssl.SSLContext) -> BaseMailBox:
    if settings.security == "ssl":
        return MailBox(
            settings.host, settings.port, timeout=settings.timeout, ssl_context=context
        )
    if settings.security == "starttls":
        if settings.port == 993:
            raise MailboxError(
                MailboxErrorCode.TLS_FAILED,
                "Port 993 is for IMAP over TLS: choose SSL security, or STARTTLS on "
                "the server's IMAP port (usually 143).",
            )
        return MailBoxStartTls(
            settings.host, settings.port, timeout=settings.timeout, ssl_context=context
        )
    return MailBoxUnencrypted(settings.host, settings.port, timeout=settings.timeout)


def _log_in(mailbox: BaseMailBox, settings: ImapSettings) -> None:
    try:
        mailbox.login(settings.user, settings.password, initial_folder=None)
    except MailboxLoginError:
        raise MailboxError(
            MailboxErrorCode.WRONG_CREDENTIALS,
            f"The server refused the user name {settings.user!r} with this password.",
        ) from None
    try:
        mailbox.folder.set(settings.folder, readonly=False)
    except MailboxFolderSelectError as error:
        raise MailboxError(
            MailboxErrorCode.FOLDER_MISSING,
            f"The folder {settings.folder!r} cannot be opened: {_text(error.command_result)}",
        ) from None


@contextmanager
def _server_errors() -> Iterator[None]:
    """A dropped connection, a timeout or an unexpected refusal as a `MailboxError`."""
    try:
        yield
    except UnexpectedCommandStatusError as error:
        raise MailboxError(MailboxErrorCode.SERVER_ERROR, str(error)) from None
    except TimeoutError:
        raise MailboxError(
            MailboxErrorCode.CANNOT_CONNECT, "The server stopped answering."
        ) from None
    except (imaplib.IMAP4.abort, OSError) as error:
        raise MailboxError(
            MailboxErrorCode.CANNOT_CONNECT, f"The connection broke: {error}"
        ) from None


def _text(data: object) -> str:
    """A server's response lines as text (they never hold the password)."""
    if isinstance(data, tuple | list):
        return " ".join(_text(part) for part in data if part)
    if isinstance(data, bytes):
        return data.decode("utf-8", "replace")
    return str(data)
