"""Messages as a customer's mail program sends them, and helpers to put them into a
Dovecot account and look at its folders (shared by the tests and the benchmark)."""

import hashlib

from cryptography.fernet import Fernet

from saleor_helpdesk.core import secrets
from saleor_helpdesk.models import Mailbox

from .dovecot import Account

SUPPORT = "support@gartenwelt.example"
# The mailbox passwords in these tests are encrypted with this key.
MAILBOX_KEY = Fernet.generate_key().decode()


def new_mail(number: int, *, subject: str = "", body: str = "", tag: str = "") -> bytes:
    """A first message from customer `number` (each from their own address, so the
    hourly limit of tickets per sender does not apply). `tag` goes into the
    Message-ID, to send the same message again as another one."""
    return _mail(
        number,
        sender=f"kunde{number}@example.de",
        subject=subject or f"Frage zu meiner Bestellung ({number})",
        body=body or f"Hallo,\r\n\r\nwo bleibt meine Bestellung {number}?\r\n\r\nGruss",
        tag=tag,
    )


def reply_mail(number: int, *, ticket_number: int, sender: str, tag: str = "") -> bytes:
    """A reply to ticket `ticket_number` naming it by its `[#number]` subject token,
    with the quoted history mail programs add."""
    body = (
        f"Danke, das hilft mir ({number}).\r\n\r\n"
        f"Am 03.12.2026 um 10:00 schrieb Gartenwelt Support <{SUPPORT}>:\r\n"
        "> Wir haben Ihre Anfrage erhalten.\r\n"
    )
    return _mail(
        number,
        sender=sender,
        subject=f"Re: [#{ticket_number}] Frage zu meiner Bestellung",
        body=body,
        tag=tag,
    )


def _mail(number: int, *, sender: str, subject: str, body: str, tag: str) -> bytes:
    lines = [
        "Return-Path: <" + sender + ">",
        f"From: Kunde {number} <{sender}>",
        f"To: Gartenwelt Support <{SUPPORT}>",
        f"Subject: {subject}",
        f"Message-ID: <mail.{number}.{_digest(subject + tag)}@example.de>",
        "Date: Thu, 03 Dec 2026 10:00:00 +0100",
        "MIME-Version: 1.0",
        "User-Agent: Mozilla Thunderbird",
        "Content-Type: text/plain; charset=UTF-8; format=flowed",
        "Content-Transfer-Encoding: 8bit",
        "",
        body,
        "",
    ]
    return "\r\n".join(lines).encode()


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:10]


def append(account: Account, *raws: bytes, folder: str = "INBOX") -> None:
    with account.mailbox() as mailbox:
        for raw in raws:
            mailbox.append(raw, folder)


def uids(account: Account, criteria: str = "ALL", folder: str = "INBOX") -> list[int]:
    with account.mailbox() as mailbox:
        mailbox.folder.set(folder)
        return sorted(int(uid) for uid in mailbox.uids(criteria))


def unseen(account: Account, folder: str = "INBOX") -> list[int]:
    return uids(account, "UNSEEN", folder)


def imap_mailbox(account: Account, channel, **fields) -> Mailbox:
    """An active IMAP mailbox reading `account` over plain IMAP on loopback."""
    settings = account.settings
    values = {
        "name": "Support",
        "address": SUPPORT,
        "channel": channel,
        "is_active": True,
        "imap_host": settings.host,
        "imap_port": settings.port,
        "imap_security": "none",
        "imap_user": settings.user,
        "imap_password": secrets.encrypt(settings.password),
    }
    values.update(fields)
    return Mailbox.objects.create(**values)


def make_folder(account: Account, name: str) -> None:
    with account.mailbox() as mailbox:
        mailbox.folder.create(name)


def drop_folder(account: Account, name: str) -> None:
    with account.mailbox() as mailbox:
        mailbox.folder.delete(name)
