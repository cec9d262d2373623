"""Short secrets (a mailbox's password) encrypted at rest.

The key is the deployment setting `HELPDESK_MAILBOX_KEY` (a Django setting, else the
environment variable; see `conf.py`): one or more Fernet keys separated by commas. The
first encrypts; every one of them decrypts, so a key is rotated by putting a new one in
front, re-encrypting the stored secrets (`reencrypt`), then dropping the old one.

Fernet is authenticated encryption (AES-CBC with an HMAC): a token altered in the
database, or read with the wrong key, is refused rather than decrypted to garbage. No
error here carries a secret, a token or a key.
"""

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.core.exceptions import ImproperlyConfigured

from . import conf

KEY_SETTING = "HELPDESK_MAILBOX_KEY"
MAKE_KEY = (
    'python -c "from cryptography.fernet import Fernet; '
    'print(Fernet.generate_key().decode())"'
)


class SecretKeyMissing(ImproperlyConfigured):
    """No key is configured, so no secret can be stored or read."""


class SecretKeyInvalid(ImproperlyConfigured):
    """The configured value is not a list of Fernet keys."""


class SecretUnreadable(Exception):
    """A stored secret that none of the configured keys decrypts (a wrong or dropped
    key, or an altered token)."""


def _keys() -> MultiFernet:
    value = conf.text(KEY_SETTING)
    keys = [key.strip() for key in value.split(",") if key.strip()]
    if not keys:
        raise SecretKeyMissing(
            f"{KEY_SETTING} is not set: the mailbox passwords are encrypted with it. "
            f"Make a key with {MAKE_KEY} and set it as a Django setting or an "
            "environment variable (several keys, comma-separated, rotate it: the "
            "first encrypts, all decrypt)."
        )
    fernets = []
    for position, key in enumerate(keys, start=1):
        try:
            fernets.append(Fernet(key))
        except ValueError:
            # The key itself stays out of the message (and out of the traceback).
            raise SecretKeyInvalid(
                f"{KEY_SETTING}: key number {position} is not a Fernet key (32 "
                f"url-safe base64-encoded bytes). Make one with {MAKE_KEY}."
            ) from None
    return MultiFernet(fernets)


def encrypt(secret: str) -> str:
    """The secret encrypted with the first configured key, as ASCII text."""
    return _keys().encrypt(secret.encode()).decode("ascii")


def decrypt(token: str) -> str:
    """The secret that `encrypt` turned into `token`, with any configured key."""
    try:
        return _keys().decrypt(token.encode("ascii")).decode()
    except (InvalidToken, UnicodeError):
        raise SecretUnreadable(
            f"A stored secret cannot be decrypted with the keys in {KEY_SETTING}: "
            "the key it was encrypted with is not among them, or it was altered. "
            "Enter the secret again."
        ) from None


def reencrypt(token: str) -> str:
    """`token` encrypted again with the first key (after a new key was put first)."""
    try:
        return _keys().rotate(token.encode("ascii")).decode("ascii")
    except (InvalidToken, UnicodeError):
        raise SecretUnreadable(
            f"A stored secret cannot be decrypted with the keys in {KEY_SETTING}, so "
            "it cannot be re-encrypted. Enter the secret again."
        ) from None
