"""Fetching a mailbox from a real Dovecot: every message taken in once, the progress
stored so a run resumes, the server told afterwards, and nothing blocked by a broken
message or a second worker."""

import threading
from dataclasses import replace

import pytest
from django.db import DEFAULT_DB_ALIAS, connection, connections

from saleor_helpdesk.core import secrets
from saleor_helpdesk.mailboxes import fetch, imap
from saleor_helpdesk.mailboxes.fetch import FetchStatus, fetch_mailbox
from saleor_helpdesk.mailboxes.locks import mailbox_lock
from saleor_helpdesk.models import (
    Comment,
    InboundEmail,
    InboundStatus,
    Mailbox,
    Ticket,
)
from tests.inbound.conftest import (  # noqa: F401 (fixtures)
    SAMPLE_SECRET_KEY,
    big_attachment,
    big_message,
    raw,
)

from .mail import (
    MAILBOX_KEY,
    append,
    drop_folder,
    imap_mailbox,
    make_folder,
    new_mail,
    uids,
    unseen,
)


@pytest.fixture(autouse=True)
def _keys(settings):
    settings.HELPDESK_MAILBOX_KEY = MAILBOX_KEY
    # The reply addresses in the sample files were signed with this key.
    settings.SECRET_KEY = SAMPLE_SECRET_KEY
    settings.DEFAULT_FROM_EMAIL = "Gartenwelt <shop@gartenwelt.example>"


@pytest.fixture
def mailbox(account, channel):
    return imap_mailbox(account, channel)


class WorkerKilled(BaseException):
    """What a killed worker looks like from inside: nothing after it runs."""


def stored(mailbox) -> Mailbox:
    return Mailbox.objects.get(pk=mailbox.pk)


def test_a_new_mail_opens_a_ticket_and_ends_read(account, mailbox):
    # given
    append(account, raw("new_customer_thunderbird"))

    # when
    outcome = fetch_mailbox(mailbox.pk)

    # then
    assert outcome.status == FetchStatus.OK, outcome.error
    assert (outcome.new, outcome.known, outcome.failed) == (1, 0, 0)
    inbound = InboundEmail.objects.get()
    assert (inbound.via, inbound.status) == ("imap", InboundStatus.PROCESSED)
    ticket = Ticket.objects.get()
    assert ticket.customer_email == "anna.schmidt@example.de"
    assert ticket.source == "email"
    assert unseen(account) == []
    after = stored(mailbox)
    assert after.last_uid == 1
    assert after.uidvalidity is not None
    assert after.last_fetch_result == "ok"
    assert after.last_fetch_error == ""
    assert after.last_fetch_count == 1
    assert after.last_fetch_at is not None


def test_the_same_message_fetched_twice_makes_one_comment(account, mailbox):
    # given the same message delivered twice (two UIDs), one fetch already done
    message = new_mail(1)
    append(account, message)
    fetch_mailbox(mailbox.pk)
    append(account, message)

    # when
    outcome = fetch_mailbox(mailbox.pk)

    # then
    assert (outcome.new, outcome.known) == (0, 1)
    assert Ticket.objects.count() == 1
    assert Comment.objects.count() == 1
    assert unseen(account) == []
    assert stored(mailbox).last_uid == 2
    assert stored(mailbox).last_fetch_count == 0


def test_a_worker_killed_before_marking_read_is_repaired_by_the_next_run(
    account, mailbox, monkeypatch
):
    # given a worker that dies after the message was committed, before the server was
    # told
    append(account, new_mail(1))

    def killed(*args, **kwargs):
        raise WorkerKilled

    with monkeypatch.context() as patched:
        patched.setattr(imap, "finish", killed)
        with pytest.raises(WorkerKilled):
            fetch_mailbox(mailbox.pk)
    assert Comment.objects.count() == 1
    assert unseen(account) == [1]
    assert stored(mailbox).last_uid == 0

    # when the next run comes
    outcome = fetch_mailbox(mailbox.pk)

    # then
    assert (outcome.new, outcome.known) == (0, 1)
    assert Comment.objects.count() == 1
    assert unseen(account) == []
    assert stored(mailbox).last_uid == 1


def test_a_worker_killed_before_storing_its_progress_takes_nothing_in_twice(
    account, mailbox
):
    # given two messages taken in and marked read, but the last UID never stored
    append(account, new_mail(1), new_mail(2))
    fetch_mailbox(mailbox.pk)
    Mailbox.objects.filter(pk=mailbox.pk).update(last_uid=0)

    # when
    outcome = fetch_mailbox(mailbox.pk)

    # then
    assert (outcome.new, outcome.known) == (0, 2)
    assert Comment.objects.count() == 2
    assert stored(mailbox).last_uid == 2


def test_batches_follow_one_another_until_the_folder_is_read(account, mailbox):
    # given
    append(account, *(new_mail(number) for number in range(1, 8)))

    # when
    outcome = fetch_mailbox(mailbox.pk, batch_size=3)

    # then
    assert outcome.new == 7
    assert Ticket.objects.count() == 7
    assert unseen(account) == []
    assert stored(mailbox).last_uid == 7


def test_a_run_out_of_time_stops_and_the_next_carries_on(account, mailbox):
    # given
    append(account, new_mail(1), new_mail(2))

    # when no time is left
    first = fetch_mailbox(mailbox.pk, max_seconds=0)
    second = fetch_mailbox(mailbox.pk)

    # then
    assert first.status == FetchStatus.OK
    assert first.new == 0
    assert unseen(account) == []
    assert second.new == 2


def test_a_changed_uidvalidity_reads_the_folder_again_without_duplicates(
    account, channel
):
    # given a folder read to its end, then made again by the server with the same
    # messages (a restore) and one more
    make_folder(account, "Support")
    mailbox = imap_mailbox(account, channel, imap_folder="Support")
    append(account, new_mail(1), new_mail(2), folder="Support")
    fetch_mailbox(mailbox.pk)
    before = stored(mailbox)
    drop_folder(account, "Support")
    make_folder(account, "Support")
    append(account, new_mail(1), new_mail(2), new_mail(3), folder="Support")

    # when
    outcome = fetch_mailbox(mailbox.pk)

    # then
    assert (outcome.new, outcome.known) == (1, 2)
    assert Ticket.objects.count() == 3
    after = stored(mailbox)
    assert after.uidvalidity != before.uidvalidity
    assert after.last_uid == 3
    assert unseen(account, "Support") == []


def test_a_second_fetch_of_a_locked_mailbox_skips_it(account, mailbox):
    # given another worker holding the mailbox
    append(account, new_mail(1))
    with mailbox_lock(mailbox.pk) as lock:
        assert lock is not None

        # when
        outcome = fetch_mailbox(mailbox.pk)

    # then
    assert outcome.status == FetchStatus.LOCKED
    assert outcome.summary() == (
        "support@gartenwelt.example: skipped, another fetch of this mailbox is running"
    )
    assert not InboundEmail.objects.exists()
    assert stored(mailbox).last_fetch_at is None
    assert unseen(account) == [1]


def test_two_workers_at_once_one_fetches_the_other_skips(account, mailbox, monkeypatch):
    # given a worker (a thread) in the middle of taking the first message in. It
    # shares the test's database connection so that it sees the uncommitted test
    # data; each fetch takes its lock on a connection of its own, as in production.
    append(account, new_mail(1), new_mail(2))
    inside, go_on = threading.Event(), threading.Event()
    real = fetch.receive_email

    def slow_intake(*args, **kwargs):
        inside.set()
        assert go_on.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(fetch, "receive_email", slow_intake)
    shared = connections[DEFAULT_DB_ALIAS]
    shared.inc_thread_sharing()
    outcomes = []

    def worker():
        connections[DEFAULT_DB_ALIAS] = shared
        outcomes.append(fetch_mailbox(mailbox.pk))

    first = threading.Thread(target=worker)
    first.start()
    try:
        assert inside.wait(10)

        # when a second worker comes
        second = fetch_mailbox(mailbox.pk)
    finally:
        go_on.set()
        first.join(20)
        shared.dec_thread_sharing()

    # then
    assert second.status == FetchStatus.LOCKED
    [done] = outcomes
    assert done.status == FetchStatus.OK
    assert done.new == 2
    assert Ticket.objects.count() == 2
    assert unseen(account) == []


def test_a_malformed_message_does_not_block_the_ones_behind_it(account, mailbox):
    # given
    append(account, raw("malformed"), new_mail(1))

    # when
    outcome = fetch_mailbox(mailbox.pk)

    # then
    assert outcome.status == FetchStatus.OK
    assert outcome.new == 2
    statuses = dict(InboundEmail.objects.values_list("message_id", "status"))
    assert statuses["broken.1@example.com"] == InboundStatus.MALFORMED
    assert Ticket.objects.count() == 1
    assert unseen(account) == []


def test_a_20_mb_message_is_refused_and_the_next_one_taken_in(
    account,
    mailbox,
    big_message,  # noqa: F811
):
    # given
    assert len(big_message) > mailbox.max_message_size
    append(account, big_message, new_mail(1))

    # when
    outcome = fetch_mailbox(mailbox.pk)

    # then
    assert outcome.new == 2
    big = InboundEmail.objects.get(message_id="big.7a1c@example.de")
    assert big.status == InboundStatus.TOO_LARGE
    assert big.size == len(big_message)
    assert Ticket.objects.get().customer_email == "kunde1@example.de"
    assert unseen(account) == []


def test_fetched_messages_can_be_moved_to_a_folder(account, channel):
    # given
    mailbox = imap_mailbox(
        account, channel, after_fetch="move", move_to_folder="Helpdesk"
    )
    append(account, new_mail(1), new_mail(2))
    fetch_mailbox(mailbox.pk)
    append(account, new_mail(3))

    # when
    outcome = fetch_mailbox(mailbox.pk)

    # then
    assert outcome.new == 1
    assert Ticket.objects.count() == 3
    assert uids(account) == []
    assert len(uids(account, folder="Helpdesk")) == 3
    assert stored(mailbox).last_uid == 3


def test_a_reset_made_during_the_fetch_is_not_overwritten(
    account, mailbox, monkeypatch
):
    # given new server settings saved while a fetch runs (they start the folder again)
    append(account, new_mail(1))
    real = fetch.receive_email

    def intake_while_settings_change(*args, **kwargs):
        Mailbox.objects.filter(pk=mailbox.pk).update(uidvalidity=None, last_uid=0)
        return real(*args, **kwargs)

    fetch_mailbox(mailbox.pk)
    append(account, new_mail(2))
    monkeypatch.setattr(fetch, "receive_email", intake_while_settings_change)

    # when
    outcome = fetch_mailbox(mailbox.pk)

    # then
    assert outcome.status == FetchStatus.FAILED
    assert outcome.error == (
        "The mailbox's settings changed during the fetch; the next run reads it with "
        "the new ones."
    )
    after = stored(mailbox)
    assert (after.uidvalidity, after.last_uid) == (None, 0)


# A message whose intake fails in the database: a real error, raised by PostgreSQL
# for rows this trigger refuses.
REFUSE = """
CREATE FUNCTION helpdesk_test_refuse() RETURNS trigger AS $$
BEGIN
  IF NEW.subject LIKE %s THEN
    RAISE EXCEPTION 'refused by the test trigger';
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER helpdesk_test_refuse BEFORE INSERT ON saleor_helpdesk_TABLE
FOR EACH ROW EXECUTE FUNCTION helpdesk_test_refuse();
"""


def refuse_intake(subject_like: str, table: str = "inboundemail") -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            REFUSE.replace("%s", "'" + subject_like + "'").replace("TABLE", table)
        )


def allow_intake(table: str = "inboundemail") -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            f"DROP TRIGGER helpdesk_test_refuse ON saleor_helpdesk_{table};"
            "DROP FUNCTION helpdesk_test_refuse();"
        )


def test_a_message_whose_ticket_the_database_refuses_is_kept_for_review(
    account, mailbox
):
    # given a message whose ticket the database refuses, every time
    refuse_intake("Poison%", table="ticket")
    append(account, new_mail(1), new_mail(2, subject="Poison"), new_mail(3))

    # when
    outcome = fetch_mailbox(mailbox.pk)

    # then it is kept, with its original, for staff to read
    assert (outcome.new, outcome.failed) == (2, 1)
    kept = InboundEmail.objects.get(subject="Poison")
    assert kept.status == InboundStatus.MALFORMED
    assert "refused by the test trigger" in kept.note
    assert kept.raw.read() == new_mail(2, subject="Poison")
    assert "It was skipped and is kept for review" in stored(mailbox).last_fetch_error
    allow_intake(table="ticket")


def test_a_message_the_database_refuses_is_skipped_and_left_unread(account, mailbox):
    # given the second of three messages refused by the database, every time
    refuse_intake("Poison%")
    append(account, new_mail(1), new_mail(2, subject="Poison"), new_mail(3))

    # when
    outcome = fetch_mailbox(mailbox.pk)

    # then the others are taken in, the refused one stays unread and is named
    assert outcome.status == FetchStatus.FAILED
    assert (outcome.new, outcome.failed) == (2, 1)
    assert Ticket.objects.count() == 2
    assert unseen(account) == [2]
    after = stored(mailbox)
    assert after.last_uid == 3
    assert after.last_fetch_result == "failed"
    assert after.last_fetch_count == 2
    assert after.last_fetch_error.startswith(
        "Message UID 2 (<mail.2."
    ), after.last_fetch_error
    assert "refused by the test trigger" in after.last_fetch_error
    assert after.last_fetch_error.endswith(
        "It was skipped; it stays unread in the mailbox."
    )

    # and the next run goes past it
    allow_intake()
    again = fetch_mailbox(mailbox.pk)
    assert again.status == FetchStatus.OK
    assert again.new == 0
    assert stored(mailbox).last_fetch_error == ""


def test_when_nothing_can_be_taken_in_the_run_stops_before_the_first(account, mailbox):
    # given a database refusing every message (the trouble is not the messages')
    refuse_intake("%")
    append(account, new_mail(1), new_mail(2))

    # when
    outcome = fetch_mailbox(mailbox.pk)

    # then nothing is passed over
    assert outcome.status == FetchStatus.FAILED
    assert (outcome.new, outcome.failed) == (0, 2)
    assert stored(mailbox).last_uid == 0
    assert unseen(account) == [1, 2]
    assert "the fetch stopped before it; the next run tries it again" in outcome.error

    # and once the database takes them, the next run does
    allow_intake()
    again = fetch_mailbox(mailbox.pk)
    assert (again.status, again.new) == (FetchStatus.OK, 2)
    assert unseen(account) == []


def test_a_wrong_password_is_recorded_not_raised(account, mailbox):
    # given
    append(account, new_mail(1))
    mailbox.imap_password = secrets.encrypt("not-the-password")
    mailbox.save()

    # when
    outcome = fetch_mailbox(mailbox.pk)

    # then
    message = (
        f"The server refused the user name {account.settings.user!r} with this "
        "password."
    )
    assert (outcome.status, outcome.error) == (FetchStatus.FAILED, message)
    after = stored(mailbox)
    assert after.last_fetch_result == "failed"
    assert after.last_fetch_error == message
    assert after.last_fetch_count == 0
    assert "not-the-password" not in after.last_fetch_error
    assert unseen(account) == [1]


def test_a_missing_key_is_recorded_with_the_fix(
    account, mailbox, settings, monkeypatch
):
    # given the key removed after the password was stored
    del settings.HELPDESK_MAILBOX_KEY
    monkeypatch.delenv(secrets.KEY_SETTING, raising=False)

    # when
    outcome = fetch_mailbox(mailbox.pk)

    # then
    assert outcome.status == FetchStatus.FAILED
    error = stored(mailbox).last_fetch_error
    assert error.startswith("HELPDESK_MAILBOX_KEY is not set")
    assert secrets.MAKE_KEY in error


def test_a_password_under_another_key_is_recorded(account, mailbox, settings):
    # given a key that did not encrypt the stored password
    settings.HELPDESK_MAILBOX_KEY = "ZmDfcTF7_60GrrY167zsiPd67pEvs0aGOv2oasOM1Pg="

    # when
    outcome = fetch_mailbox(mailbox.pk)

    # then
    assert outcome.status == FetchStatus.FAILED
    assert outcome.error.startswith("A stored secret cannot be decrypted")


def test_disabled_gone_and_pushed_mailboxes_are_skipped(account, mailbox):
    # given
    append(account, new_mail(1))
    Mailbox.objects.filter(pk=mailbox.pk).update(is_active=False)

    # when
    disabled = fetch_mailbox(mailbox.pk)
    Mailbox.objects.filter(pk=mailbox.pk).update(is_active=True, kind="push")
    pushed = fetch_mailbox(mailbox.pk)
    gone = fetch_mailbox(mailbox.pk + 1000)

    # then
    assert [o.status for o in (disabled, pushed, gone)] == [FetchStatus.SKIPPED] * 3
    assert disabled.error == "the mailbox is disabled"
    assert pushed.error == "its mail is pushed by an e-mail service, not fetched"
    assert gone.summary() == (
        f"mailbox {mailbox.pk + 1000}: skipped, the mailbox no longer exists"
    )
    assert stored(mailbox).last_fetch_at is None
    assert unseen(account) == [1]


def test_a_server_that_does_not_answer_is_recorded(account, mailbox):
    # given nothing listening where the mailbox points
    from .dovecot import free_port

    Mailbox.objects.filter(pk=mailbox.pk).update(imap_port=free_port())

    # when
    outcome = fetch_mailbox(mailbox.pk)

    # then
    assert outcome.status == FetchStatus.FAILED
    assert outcome.error.startswith("Cannot connect to 127.0.0.1:")
    assert stored(mailbox).last_fetch_result == "failed"


def test_settings_without_a_password_say_what_to_enter(account, mailbox):
    # given
    Mailbox.objects.filter(pk=mailbox.pk).update(imap_password="")

    # when
    outcome = fetch_mailbox(mailbox.pk)

    # then
    assert outcome.error == "No IMAP password is stored for this mailbox: enter it."


def test_the_summary_line(account, mailbox):
    outcome = replace(
        fetch.FetchOutcome(mailbox_id=1, address="support@shop"),
        new=12,
        known=3,
        seconds=2.06,
    )
    assert outcome.summary() == (
        "support@shop: 12 new, 3 already known, 0 failed (2.1 s)"
    )
    failed = replace(outcome, status=FetchStatus.FAILED, error="Login refused.")
    assert failed.summary() == (
        "support@shop: 12 new, 3 already known, 0 failed; FAILED: Login refused. "
        "(2.1 s)"
    )
