"""The retention policy: closed tickets past the period are anonymised or deleted, files
of closed tickets can go earlier; the dry run counts exactly what a run then does."""

from datetime import UTC, datetime

import pytest
from django.core.management import call_command
from freezegun import freeze_time

from saleor_helpdesk.actions import add_comment, close_ticket
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.core.constants import TicketEventType
from saleor_helpdesk.core.permissions import Perm
from saleor_helpdesk.models import (
    Attachment,
    ChannelSettings,
    Comment,
    Ticket,
    TicketEvent,
    WebhookDelivery,
)
from saleor_helpdesk.privacy import retention
from saleor_helpdesk.privacy.tasks import apply_retention_policy
from tests.factories import ChannelFactory, make_ticket
from tests.files import samples
from tests.privacy.conftest import gid, stored_files

NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


@pytest.fixture
def staff(staff_user):
    return Actor.staff(staff_user, {Perm.MANAGE_ORDERS.value})


@pytest.fixture
def make_closed(customer_actor, staff, channel):
    """A ticket of Anna's with a photo, closed at `closed_at` (None: left open)."""

    def make(closed_at: datetime | None, channel_id: int | None = channel.pk) -> Ticket:
        with freeze_time(closed_at or NOW):
            ticket = make_ticket(
                customer_actor,
                channel_id=channel_id,
                subject="Becher kaputt",
                attachments=[samples.upload("foto.png", samples.PNG)],
            )
            if closed_at is not None:
                close_ticket(staff, ticket.pk)
        return ticket

    return make


def shop_policy(**fields) -> ChannelSettings:
    row, _ = ChannelSettings.objects.update_or_create(channel=None, defaults=fields)
    return row


def test_months_are_calendar_months():
    assert retention.months_before(NOW, 1) == datetime(2026, 11, 3, 9, 0, tzinfo=UTC)
    assert retention.months_before(NOW, 12) == datetime(2025, 12, 3, 9, 0, tzinfo=UTC)
    end_of_march = datetime(2026, 3, 31, tzinfo=UTC)
    assert retention.months_before(end_of_march, 1) == datetime(2026, 2, 28, tzinfo=UTC)
    assert retention.months_before(end_of_march, 25) == datetime(
        2024, 2, 29, tzinfo=UTC
    )


def test_without_a_period_nothing_is_touched(make_closed):
    # given a ticket closed years ago and no retention period (the default)
    old = make_closed(datetime(2020, 1, 1, tzinfo=UTC))

    # when the policy runs
    with freeze_time(NOW):
        counts = retention.apply()

    # then nothing changed
    assert counts == retention.RetentionCounts()
    old.refresh_from_db()
    assert old.subject == "Becher kaputt"


def test_closed_tickets_past_the_period_are_anonymised(
    make_closed, django_capture_on_commit_callbacks
):
    # given 24 months for the shop, and tickets closed 25 and 23 months ago, and one
    # opened long ago but still open
    shop_policy(ticket_retention_months=24)
    old = make_closed(datetime(2024, 11, 1, tzinfo=UTC))
    recent = make_closed(datetime(2025, 1, 1, tzinfo=UTC))
    with freeze_time(datetime(2020, 1, 1, tzinfo=UTC)):
        still_open = make_closed(None)

    # when the dry run counts and the policy runs
    with freeze_time(NOW):
        planned = retention.plan()
        with django_capture_on_commit_callbacks(execute=True):
            done = retention.apply()

    # then exactly the old closed ticket was anonymised, as the dry run said
    assert planned == done == retention.RetentionCounts(tickets_to_anonymize=1)
    old.refresh_from_db()
    assert (old.subject, old.customer_email, old.customer_id) == ("[erased]", "", None)
    assert Comment.objects.get(ticket=old).body == ""
    assert TicketEvent.objects.filter(
        ticket=old,
        type=TicketEventType.PERSONAL_DATA_ERASED,
        parameters={"reason": "retention"},
    ).exists()
    for kept in (recent, still_open):
        kept.refresh_from_db()
        assert kept.subject == "Becher kaputt"
    # its file left storage; the others' stayed
    assert len(stored_files()) == 2
    # and a second run finds nothing more
    with freeze_time(NOW):
        assert retention.apply() == retention.RetentionCounts()


def test_the_delete_action_deletes_the_tickets_and_their_traces(
    make_closed, subscription, django_capture_on_commit_callbacks
):
    # given tickets closed 13 months ago, a policy of 12 months that deletes, and
    # webhook deliveries about them
    shop_policy(ticket_retention_months=12, ticket_retention_action="delete")
    old = make_closed(datetime(2025, 11, 1, tzinfo=UTC))
    assert WebhookDelivery.objects.filter(
        payload__ticket__id=gid("Ticket", old.pk)
    ).exists()

    # when the policy runs
    with freeze_time(NOW):
        assert retention.plan().tickets_to_delete == 1
        with django_capture_on_commit_callbacks(execute=True):
            done = retention.apply()

    # then the ticket, its file and the deliveries about it are gone
    assert done.tickets_to_delete == 1
    assert not Ticket.objects.filter(pk=old.pk).exists()
    assert stored_files() == []
    assert not WebhookDelivery.objects.filter(
        payload__ticket__id=gid("Ticket", old.pk)
    ).exists()


def test_files_can_go_before_the_tickets(
    make_closed, django_capture_on_commit_callbacks
):
    # given files kept 3 months after closing, tickets for 24
    shop_policy(ticket_retention_months=24, attachment_retention_months=3)
    old = make_closed(datetime(2026, 8, 1, tzinfo=UTC))
    recent = make_closed(datetime(2026, 10, 1, tzinfo=UTC))

    # when the policy runs
    with freeze_time(NOW):
        assert retention.plan() == retention.RetentionCounts(attachments_to_remove=1)
        with django_capture_on_commit_callbacks(execute=True):
            done = retention.apply()

    # then the old ticket's file is gone from storage, its row marked removed (the
    # name kept for the thread), with a timeline event; the ticket itself stays
    assert done == retention.RetentionCounts(attachments_to_remove=1)
    removed = Attachment.objects.get(ticket=old)
    assert removed.removed_at is not None
    assert (removed.display_name, removed.file.name) == ("foto.png", "")
    assert Attachment.objects.get(ticket=recent).removed_at is None
    assert len(stored_files()) == 1
    old.refresh_from_db()
    assert old.subject == "Becher kaputt"
    assert TicketEvent.objects.filter(
        ticket=old, type=TicketEventType.ATTACHMENTS_EXPIRED, parameters={"count": 1}
    ).exists()


def test_a_channels_own_policy_wins_and_others_follow_the_shop(
    make_closed, channel, other_channel
):
    # given the shop keeps closed tickets 24 months, the default channel only 6
    shop_policy(ticket_retention_months=24)
    ChannelSettings.objects.create(channel=channel, ticket_retention_months=6)
    in_channel = make_closed(datetime(2026, 1, 1, tzinfo=UTC))
    in_other = make_closed(datetime(2026, 1, 1, tzinfo=UTC), other_channel.pk)
    without = make_closed(datetime(2024, 1, 1, tzinfo=UTC), other_channel.pk)
    # a ticket whose channel Saleor deleted since (the link is set to null)
    Ticket.objects.filter(pk=without.pk).update(channel=None)

    # when the policy runs
    with freeze_time(NOW):
        done = retention.apply()

    # then the default channel's ticket (11 months) and the channel-less one (35)
    # are anonymised, the other channel's (11 months, shop's 24) is not
    assert done.tickets_to_anonymize == 2
    erased = set(
        Ticket.objects.filter(personal_data_erased_at__isnull=False).values_list(
            "pk", flat=True
        )
    )
    assert erased == {in_channel.pk, without.pk}
    assert in_other.pk not in erased


def test_a_reopened_ticket_is_not_touched(make_closed, customer_actor):
    # given an old closed ticket that the customer reopened by replying
    shop_policy(ticket_retention_months=1)
    ticket = make_closed(datetime(2025, 1, 1, tzinfo=UTC))
    ChannelSettings.objects.filter(channel__isnull=True).update(reopen_window_days=None)
    add_comment(customer_actor, ticket.pk, "<p>Doch noch eine Frage</p>")

    # when the policy runs
    with freeze_time(NOW):
        done = retention.apply()

    # then it is open again and kept
    assert done == retention.RetentionCounts()


def test_the_periodic_task_applies_the_policy(make_closed):
    shop_policy(ticket_retention_months=1)
    make_closed(datetime(2026, 1, 1, tzinfo=UTC))

    with freeze_time(NOW):
        result = apply_retention_policy.apply().get()

    assert result == {
        "tickets_anonymized": 1,
        "tickets_deleted": 0,
        "attachments_removed": 0,
    }


def test_the_command_counts_first_and_shows_progress(make_closed, channel, capsys):
    # given two tickets past the shop's period and one file past the channel's
    shop_policy(ticket_retention_months=12)
    ChannelSettings.objects.create(
        channel=ChannelFactory(slug="webshop-intl"), attachment_retention_months=1
    )
    make_closed(datetime(2025, 1, 1, tzinfo=UTC))
    make_closed(datetime(2025, 2, 1, tzinfo=UTC))

    # when the merchant runs a dry run
    with freeze_time(NOW):
        call_command("helpdesk_retention", "--dry-run")
    out = capsys.readouterr().out

    # then it shows what would happen per policy, and changes nothing
    assert out.splitlines() == [
        "channel webshop-intl: 0 ticket(s) to anonymise, 0 to delete, "
        "0 file(s) to remove",
        "shop defaults: 2 ticket(s) to anonymise, 0 to delete, 0 file(s) to remove",
        "Dry run: nothing changed.",
    ]
    assert not Ticket.objects.filter(personal_data_erased_at__isnull=False).exists()

    # when it runs for real
    with freeze_time(NOW):
        call_command("helpdesk_retention")
    out = capsys.readouterr().out

    # then it reports progress and the result
    assert "  tickets anonymised: 2 of 2 due" in out.splitlines()
    assert out.splitlines()[-1] == (
        "Done. 2 ticket(s) anonymised, 0 deleted, 0 file(s) removed."
    )
    assert Ticket.objects.filter(personal_data_erased_at__isnull=False).count() == 2
