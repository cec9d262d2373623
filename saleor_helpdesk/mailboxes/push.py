"""The secret a mail server or script sends with a raw message it pushes to a
mailbox's raw-MIME endpoint.

Only its SHA-256 is stored (`Mailbox.push_secret_hash`): the secret itself is shown
once, when it is made, and cannot be read back.
"""

import hashlib
import secrets

from ..models import Mailbox


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def new_push_secret(mailbox: Mailbox) -> str:
    """A new secret for `mailbox`, replacing any earlier one; the caller saves the
    mailbox's `push_secret_hash`."""
    secret = secrets.token_urlsafe(32)
    mailbox.push_secret_hash = hash_secret(secret)
    return secret
