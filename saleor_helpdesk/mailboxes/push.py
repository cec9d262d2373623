"""The secret a mail server sends with each message it pushes to a mailbox's raw-MIME
endpoint (`Authorization: Bearer <secret>`).

Only its SHA-256 is stored (`Mailbox.push_secret_hash`): the secret is shown once, when
made, and a database dump does not give it away. A long random secret needs no slow
hash; comparing the digests in constant time keeps a caller from learning it byte by
byte.
"""

import hashlib
import hmac
import secrets

from ..models import Mailbox

# 256 bits, URL-safe (it travels in a header and in shell scripts).
SECRET_BYTES = 32


def push_secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def new_push_secret(mailbox: Mailbox) -> str:
    """Make a new secret for `mailbox`, store its hash and return it; the secret made
    before stops working."""
    secret = set_push_secret(mailbox)
    mailbox.save(update_fields=["push_secret_hash", "updated_at"])
    return secret


def set_push_secret(mailbox: Mailbox) -> str:
    """A new secret's hash on `mailbox` (not saved: for a mailbox being made)."""
    secret = secrets.token_urlsafe(SECRET_BYTES)
    mailbox.push_secret_hash = push_secret_hash(secret)
    return secret


def push_secret_matches(mailbox: Mailbox, secret: str) -> bool:
    """Whether `secret` is the mailbox's; never for a mailbox that has none."""
    if not mailbox.push_secret_hash or not secret:
        return False
    return hmac.compare_digest(push_secret_hash(secret), mailbox.push_secret_hash)
