"""`helpdesk_fetch_mail` by hand, and the periodic task, against a real Dovecot."""

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from saleor_helpdesk.core import secrets
from saleor_helpdesk.mailboxes.tasks import fetch_all_mailboxes, fetch_mailbox_task
from saleor_helpdesk.models import Mailbox, Ticket

from .mail import MAILBOX_KEY, append, imap_mailbox, new_mail, unseen


@pytest.fixture(autouse=True)
def _key(settings):
    settings.HELPDESK_MAILBOX_KEY = MAILBOX_KEY


@pytest.fixture
def mailbox(account, channel):
    return imap_mailbox(account, channel)


@pytest.fixture
def broken(account, channel):
    """A second mailbox on the same account with a wrong password."""
    return imap_mailbox(
        account,
        channel,
        name="Returns",
        address="returns@gartenwelt.example",
        imap_password=secrets.encrypt("not-the-password"),
    )


def fetch_mail(*args: str) -> str:
    out = StringIO()
    call_command("helpdesk_fetch_mail", *args, stdout=out)
    return out.getvalue()


def test_a_line_per_mailbox_and_status_1_when_one_failed(account, mailbox, broken):
    # given
    append(account, new_mail(1), new_mail(2))
    out = StringIO()

    # when
    with pytest.raises(CommandError) as failed:
        call_command("helpdesk_fetch_mail", stdout=out)

    # then (mailboxes in name order: Returns, Support)
    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    assert re.fullmatch(
        r"returns@gartenwelt\.example: 0 new, 0 already known, 0 failed; FAILED: The "
        r"server refused the user name 'agent\d+' with this password\. \(\d+\.\d s\)",
        lines[0],
    ), lines[0]
    assert re.fullmatch(
        r"support@gartenwelt\.example: 2 new, 0 already known, 0 failed \(\d+\.\d s\)",
        lines[1],
    ), lines[1]
    assert failed.value.returncode == 1
    assert str(failed.value) == "1 of 2 mailbox(es) could not be fetched."
    assert Ticket.objects.count() == 2


def test_one_mailbox_by_address_or_id(account, mailbox, broken):
    # given
    append(account, new_mail(1))

    # when
    by_address = fetch_mail("--mailbox", "Support@Gartenwelt.example")
    append(account, new_mail(1))
    by_id = fetch_mail("--mailbox", str(mailbox.pk))

    # then: the broken one is left alone, so nothing failed
    assert by_address.startswith("support@gartenwelt.example: 1 new, 0 already known")
    assert by_id.startswith("support@gartenwelt.example: 0 new, 1 already known")
    assert Mailbox.objects.get(pk=broken.pk).last_fetch_at is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"address": "x@example.com"}, "No mailbox has the id or address 'nobody'."),
        (
            {"is_active": False},
            "support@gartenwelt.example is disabled: enable it to fetch its mail.",
        ),
        (
            {"kind": "push"},
            "support@gartenwelt.example: its mail is pushed by an e-mail service, not "
            "fetched.",
        ),
    ],
)
def test_a_mailbox_that_cannot_be_fetched_by_hand_is_refused(mailbox, change, message):
    # given
    Mailbox.objects.filter(pk=mailbox.pk).update(**change)
    name = "nobody" if "address" in change else "support@gartenwelt.example"

    # when
    with pytest.raises(CommandError) as refused:
        fetch_mail("--mailbox", name)

    # then
    assert str(refused.value) == message


def test_nothing_to_fetch_says_so(db):
    assert fetch_mail() == "No active IMAP mailbox to fetch.\n"


def test_the_periodic_task_fetches_every_active_imap_mailbox(account, channel, mailbox):
    # given one disabled and one pushed mailbox besides
    append(account, new_mail(1))
    disabled = imap_mailbox(
        account, channel, address="old@gartenwelt.example", is_active=False
    )
    pushed = Mailbox.objects.create(
        name="Pushed",
        address="push@gartenwelt.example",
        channel=channel,
        kind="push",
        is_active=True,
    )

    # when (Celery runs eagerly in the tests: the queued fetch runs at once)
    queued = fetch_all_mailboxes.delay().get()

    # then
    assert queued == 1
    assert Ticket.objects.count() == 1
    assert unseen(account) == []
    assert Mailbox.objects.get(pk=mailbox.pk).last_fetch_result == "ok"
    assert Mailbox.objects.get(pk=disabled.pk).last_fetch_at is None
    assert Mailbox.objects.get(pk=pushed.pk).last_fetch_at is None


def test_the_fetch_task_records_a_failure_and_does_not_raise(broken):
    # when
    result = fetch_mailbox_task.delay(broken.pk)

    # then
    assert result.successful()
    assert result.get() == "failed"
    assert Mailbox.objects.get(pk=broken.pk).last_fetch_error.startswith(
        "The server refused the user name"
    )
