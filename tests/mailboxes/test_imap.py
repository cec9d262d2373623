from dataclasses import replace

import pytest

from saleor_helpdesk.mailboxes import imap
from saleor_helpdesk.mailboxes.imap import MailboxError, MailboxErrorCode

from .conftest import free_port


def message(number: int, body: str = "Where is my parcel?") -> bytes:
    lines = [
        f"From: Customer {number} <customer{number}@example.com>",
        "To: support@shop.example",
        f"Subject: Order #{number}",
        f"Message-ID: <m{number}@example.com>",
        "Date: Thu, 03 Dec 2026 10:00:00 +0000",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: 8bit",
        "",
        body,
        "",
    ]
    return "\r\n".join(lines).encode()


def append(account, *raws: bytes, folder: str = "INBOX") -> None:
    with account.mailbox() as mailbox:
        for raw in raws:
            mailbox.append(raw, folder)


def unseen_uids(account, folder: str = "INBOX") -> list[int]:
    with account.mailbox() as mailbox:
        mailbox.folder.set(folder)
        return sorted(int(uid) for uid in mailbox.uids("UNSEEN"))


def all_uids(account, folder: str) -> list[int]:
    with account.mailbox() as mailbox:
        mailbox.folder.set(folder)
        return sorted(int(uid) for uid in mailbox.uids("ALL"))


def test_right_settings_connect_over_every_security(account):
    # given the fixture's certificate authority trusted

    # when / then
    imap.test_connection(account.over("none"))
    imap.test_connection(
        account.over("starttls"), ssl_context=account.server.ca_context()
    )
    imap.test_connection(account.over("ssl"), ssl_context=account.server.ca_context())


def test_a_wrong_password_is_wrong_credentials(account):
    # given
    settings = replace(account.settings, password="not-the-password")

    # when
    with pytest.raises(MailboxError) as refused:
        imap.test_connection(settings)

    # then
    assert refused.value.code == MailboxErrorCode.WRONG_CREDENTIALS
    assert refused.value.message == (
        f"The server refused the user name {settings.user!r} with this password."
    )
    assert "not-the-password" not in str(refused.value)


def test_a_closed_port_cannot_connect(account):
    # given nothing listening
    settings = replace(account.settings, port=free_port())

    # when
    with pytest.raises(MailboxError) as refused:
        imap.test_connection(settings)

    # then
    assert refused.value.code == MailboxErrorCode.CANNOT_CONNECT
    assert refused.value.message.startswith(
        f"Cannot connect to 127.0.0.1:{settings.port}: Connection refused"
    )


def test_an_unknown_host_cannot_connect(account):
    # given
    settings = replace(account.settings, host="mail.invalid")

    # when
    with pytest.raises(MailboxError) as refused:
        imap.test_connection(settings)

    # then
    assert refused.value.code == MailboxErrorCode.CANNOT_CONNECT


def test_an_untrusted_certificate_is_a_tls_failure(account):
    # given the system's trust store, which does not know the fixture's authority
    settings = account.over("ssl")

    # when
    with pytest.raises(MailboxError) as refused:
        imap.test_connection(settings)

    # then
    assert refused.value.code == MailboxErrorCode.TLS_FAILED
    assert refused.value.message.startswith(
        f"The certificate of 127.0.0.1:{settings.port} is not trusted:"
    )


def test_starttls_with_an_untrusted_certificate_is_a_tls_failure(account):
    # when
    with pytest.raises(MailboxError) as refused:
        imap.test_connection(account.over("starttls"))

    # then
    assert refused.value.code == MailboxErrorCode.TLS_FAILED


def test_tls_on_the_plain_port_is_a_tls_failure(account):
    # given IMAPS settings pointing at the plain IMAP port
    settings = replace(account.over("ssl"), port=account.server.imap_port)

    # when
    with pytest.raises(MailboxError) as refused:
        imap.test_connection(settings, ssl_context=account.server.ca_context())

    # then
    assert refused.value.code == MailboxErrorCode.TLS_FAILED


def test_a_missing_folder_is_folder_missing(account):
    # given
    settings = replace(account.settings, folder="Support")

    # when
    with pytest.raises(MailboxError) as refused:
        imap.test_connection(settings)

    # then
    assert refused.value.code == MailboxErrorCode.FOLDER_MISSING
    assert refused.value.message.startswith("The folder 'Support' cannot be opened:")


def test_new_messages_come_raw_in_uid_order_and_stay_unseen(account):
    # given
    raws = [message(1), message(2), message(3, body="Grüße, wo ist mein Paket?")]
    append(account, *raws)

    # when
    batch = imap.fetch_new(
        account.over("ssl"),
        uidvalidity=None,
        last_uid=0,
        limit=10,
        ssl_context=account.server.ca_context(),
    )

    # then
    assert [uid for uid, _ in batch.messages] == [1, 2, 3]
    assert [raw for _, raw in batch.messages] == raws
    assert batch.uidvalidity > 0
    assert unseen_uids(account) == [1, 2, 3]


def test_a_second_fetch_returns_only_newer_messages(account):
    # given one message fetched, two more arrived
    append(account, message(1))
    first = imap.fetch_new(account.settings, uidvalidity=None, last_uid=0, limit=10)
    append(account, message(2), message(3))

    # when
    second = imap.fetch_new(
        account.settings, uidvalidity=first.uidvalidity, last_uid=1, limit=10
    )

    # then
    assert second.uidvalidity == first.uidvalidity
    assert second.messages == [(2, message(2)), (3, message(3))]


def test_nothing_new_is_an_empty_batch(account):
    # given the last message already processed
    append(account, message(1), message(2))
    first = imap.fetch_new(account.settings, uidvalidity=None, last_uid=0, limit=10)

    # when
    again = imap.fetch_new(
        account.settings, uidvalidity=first.uidvalidity, last_uid=2, limit=10
    )

    # then
    assert again.messages == []


def test_the_limit_takes_the_oldest_first(account):
    # given
    append(account, message(1), message(2), message(3))

    # when
    batch = imap.fetch_new(account.settings, uidvalidity=None, last_uid=0, limit=2)

    # then
    assert [uid for uid, _ in batch.messages] == [1, 2]
    assert batch.more


def test_of_a_message_over_the_size_limit_only_the_header_is_fetched(account):
    # given a large message between two small ones
    big = message(2, body="x" * 300_000)
    append(account, message(1), big, message(3))

    # when fetched with a limit below its size
    batch = imap.fetch_new(
        account.settings, uidvalidity=None, last_uid=0, limit=10, max_size=100_000
    )

    # then its header came, and its size; the others whole
    raws = dict(batch.messages)
    assert raws[2].startswith(b"From: Customer 2")
    assert raws[2].rstrip().endswith(b"Content-Transfer-Encoding: 8bit")
    assert batch.sizes == {2: len(big)}
    assert raws[1] == message(1) and raws[3] == message(3)
    assert not batch.more


def test_a_batch_stops_growing_at_its_byte_budget(account, monkeypatch):
    # given three messages of 40 KB and a budget of 100 KB
    monkeypatch.setattr(imap, "BATCH_BYTES", 100_000)
    append(account, *(message(n, body="y" * 40_000) for n in (1, 2, 3)))

    # when
    batch = imap.fetch_new(account.settings, uidvalidity=None, last_uid=0, limit=10)

    # then two came, and the third waits for the next batch
    assert [uid for uid, _ in batch.messages] == [1, 2]
    assert batch.more


def test_a_changed_uidvalidity_starts_again_from_the_beginning(account):
    # given a folder read up to UID 2, then deleted and made again
    settings = replace(account.settings, folder="Support")
    with account.mailbox() as mailbox:
        mailbox.folder.create("Support")
    append(account, message(1), message(2), folder="Support")
    before = imap.fetch_new(settings, uidvalidity=None, last_uid=0, limit=10)
    with account.mailbox() as mailbox:
        mailbox.folder.delete("Support")
        mailbox.folder.create("Support")
    append(account, message(3), folder="Support")

    # when
    after = imap.fetch_new(
        settings, uidvalidity=before.uidvalidity, last_uid=2, limit=10
    )

    # then the UIDs restarted and the new message is not skipped
    assert after.uidvalidity != before.uidvalidity
    assert after.messages == [(1, message(3))]


def test_finish_marks_the_messages_seen(account):
    # given
    append(account, message(1), message(2), message(3))

    # when
    imap.finish(account.settings, [1, 2])

    # then
    assert unseen_uids(account) == [3]


def test_finish_moves_the_messages_into_a_folder_it_creates(account):
    # given
    append(account, message(1), message(2))
    settings = replace(account.settings, after_fetch="move", move_to_folder="Done")

    # when
    imap.finish(settings, [1])

    # then
    assert all_uids(account, "INBOX") == [2]
    assert all_uids(account, "Done") == [1]
    with account.mailbox() as mailbox:
        mailbox.folder.set("Done")
        moved = next(mailbox.fetch(mark_seen=False))
    assert moved.subject == "Order #1"


def test_a_20_mb_message_comes_through_intact(account):
    # given
    line = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ab"
    big = message(1, body="\r\n".join([line] * (20 * 1024 * 1024 // 76)))
    assert len(big) > 20_000_000
    append(account, big)

    # when
    batch = imap.fetch_new(account.settings, uidvalidity=None, last_uid=0, limit=1)

    # then
    assert len(batch.messages) == 1
    assert batch.messages[0][1] == big


def test_starttls_on_the_imaps_port_number_is_a_tls_failure(account):
    # given STARTTLS asked for on 993, the port IMAPS has
    settings = replace(account.over("starttls"), port=993)

    # when
    with pytest.raises(MailboxError) as refused:
        imap.test_connection(settings)

    # then
    assert refused.value.code == MailboxErrorCode.TLS_FAILED
    assert refused.value.message == (
        "Port 993 is for IMAP over TLS: choose SSL security, or STARTTLS on the "
        "server's IMAP port (usually 143)."
    )
