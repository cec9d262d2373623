"""The per-mailbox fetch lock: a PostgreSQL advisory lock held by a transaction on a
connection of its own."""

from django.db import connection

from saleor_helpdesk.mailboxes import fetch
from saleor_helpdesk.mailboxes.fetch import FetchStatus, fetch_mailbox
from saleor_helpdesk.mailboxes.locks import lock_key, mailbox_lock
from saleor_helpdesk.models import Mailbox

from .mail import MAILBOX_KEY, append, imap_mailbox, new_mail, unseen


def holders(mailbox_id: int) -> list[int]:
    """The server sessions holding the mailbox's advisory lock (bigint keys show in
    `pg_locks` as their high and low 32 bits)."""
    key = lock_key(mailbox_id) & 0xFFFF_FFFF_FFFF_FFFF
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted "
            "AND classid = %s AND objid = %s AND objsubid = 1",
            [key >> 32, key & 0xFFFF_FFFF],
        )
        return [pid for (pid,) in cursor.fetchall()]


def test_one_holder_at_a_time_per_mailbox(db):
    # given a holder, when another worker and another mailbox's worker come
    with (
        mailbox_lock(7) as first,
        mailbox_lock(7) as second,
        mailbox_lock(8) as other,
    ):
        # then
        assert first is not None
        assert second is None
        assert other is not None
        [holder] = holders(7)
        assert holder != connection.connection.info.backend_pid

    # and the end of the block releases it
    assert holders(7) == []
    with mailbox_lock(7) as again:
        assert again is not None


def test_a_lock_whose_session_died_is_free_again(db):
    # given a holder whose session ends (a killed worker's socket closes)
    with mailbox_lock(7) as lock:
        assert lock is not None and lock.held()
        [holder] = holders(7)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [holder])

        # then
        assert not lock.held()
        assert holders(7) == []
        with mailbox_lock(7) as next_worker:
            assert next_worker is not None


def test_a_fetch_that_lost_its_lock_stops_after_the_batch(
    account, channel, settings, monkeypatch
):
    # given a fetch whose lock session ends while it takes the first batch in
    settings.HELPDESK_MAILBOX_KEY = MAILBOX_KEY
    mailbox = imap_mailbox(account, channel)
    append(account, new_mail(1), new_mail(2))
    real = fetch.receive_email

    def intake_while_the_lock_dies(*args, **kwargs):
        for pid in holders(mailbox.pk):
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
        return real(*args, **kwargs)

    monkeypatch.setattr(fetch, "receive_email", intake_while_the_lock_dies)

    # when
    outcome = fetch_mailbox(mailbox.pk, batch_size=1)

    # then the first batch is finished and stored, and no second one started
    assert outcome.status == FetchStatus.FAILED
    assert outcome.new == 1
    assert outcome.error == (
        "The fetch lost its lock (the database connection holding it ended) and "
        "stopped; the next run carries on."
    )
    assert Mailbox.objects.get(pk=mailbox.pk).last_uid == 1
    assert unseen(account) == [2]
