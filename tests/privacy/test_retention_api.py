"""The retention settings in the channel settings, and `helpdeskRetentionPreview`: the
dry run a merchant sees before saving a period (MANAGE_PLUGINS)."""

from datetime import UTC, datetime

import pytest
from freezegun import freeze_time

from saleor_helpdesk.actions import close_ticket
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.core.permissions import Perm
from saleor_helpdesk.models import ChannelSettings, Ticket
from tests.factories import StaffFactory, access_token_for, grant, make_ticket
from tests.files import samples
from tests.graphql.conftest import Api

NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)

RETENTION_PREVIEW = """
query Preview($channel: String, $months: Int, $action: HelpdeskRetentionActionEnum,
              $fileMonths: Int) {
  helpdeskRetentionPreview(channel: $channel, ticketRetentionMonths: $months,
                           ticketRetentionAction: $action,
                           attachmentRetentionMonths: $fileMonths) {
    ticketsToAnonymize ticketsToDelete attachmentsToRemove
  }
}
"""
SETTINGS_UPDATE = """
mutation Update($channel: String, $input: HelpdeskChannelSettingsInput!) {
  helpdeskChannelSettingsUpdate(channel: $channel, input: $input) {
    errors { field code message }
    settings { ticketRetentionMonths ticketRetentionAction attachmentRetentionMonths }
  }
}
"""


@pytest.fixture
def callers(customer, staff_user):
    grant(staff_user, "MANAGE_ORDERS", "MANAGE_USERS")
    manager = StaffFactory(email="admin@shop.example")
    grant(manager, "MANAGE_PLUGINS")
    return {
        "anonymous": Api(),
        "customer": Api(access_token_for(customer)),
        "staff_without": Api(access_token_for(staff_user)),
        "staff_with": Api(access_token_for(manager)),
    }


@pytest.fixture
def closed_tickets(customer_actor, staff_user, channel):
    """Two tickets with a photo each, closed in January 2025 and in October 2026."""
    staff = Actor.staff(staff_user, {Perm.MANAGE_ORDERS.value})
    tickets = []
    for closed in (datetime(2025, 1, 1, tzinfo=UTC), datetime(2026, 10, 1, tzinfo=UTC)):
        with freeze_time(closed):
            ticket = make_ticket(
                customer_actor,
                channel_id=channel.pk,
                attachments=[samples.upload("foto.png", samples.PNG)],
            )
            close_ticket(staff, ticket.pk)
        tickets.append(ticket)
    return tickets


@pytest.mark.parametrize("caller", ["anonymous", "customer", "staff_without"])
def test_only_settings_managers_may_preview(callers, caller, closed_tickets):
    # when someone without MANAGE_PLUGINS asks for the dry run
    response = callers[caller].post(RETENTION_PREVIEW, {"months": 1})

    # then null with the refusal
    body = response.json()
    assert body["data"] == {"helpdeskRetentionPreview": None}
    assert [(e["message"], e["extensions"]) for e in body["errors"]] == [
        (
            "You need the MANAGE_PLUGINS permission to preview the retention policy.",
            {"code": "PERMISSION_DENIED"},
        )
    ]


def test_the_preview_counts_the_saved_policy_and_a_tried_one(closed_tickets, channel):
    manager = StaffFactory(email="admin@shop.example")
    grant(manager, "MANAGE_PLUGINS")
    with freeze_time(NOW):
        api = Api(access_token_for(manager))  # a token of that moment
        # given no period: nothing would happen
        assert api(RETENTION_PREVIEW) == {
            "helpdeskRetentionPreview": {
                "ticketsToAnonymize": 0,
                "ticketsToDelete": 0,
                "attachmentsToRemove": 0,
            }
        }
        # when trying 12 months for the shop's defaults, deleting, files after 1
        tried = api(
            RETENTION_PREVIEW, {"months": 12, "action": "DELETE", "fileMonths": 1}
        )["helpdeskRetentionPreview"]
        # then the 23-month-old ticket would go, and the other's file
        assert tried == {
            "ticketsToAnonymize": 0,
            "ticketsToDelete": 1,
            "attachmentsToRemove": 1,
        }
        # and trying 1 month on the channel alone would anonymise both
        tried = api(RETENTION_PREVIEW, {"channel": channel.slug, "months": 1})[
            "helpdeskRetentionPreview"
        ]
        assert tried["ticketsToAnonymize"] == 2
    # and nothing was saved or changed by trying
    assert not ChannelSettings.objects.exclude(ticket_retention_months=None).exists()
    assert not Ticket.objects.filter(personal_data_erased_at__isnull=False).exists()


def test_a_period_tried_as_null_is_kept_for_ever_not_the_saved_one(
    closed_tickets, channel
):
    # given a saved period of one month for the channel
    manager = StaffFactory(email="admin@shop.example")
    grant(manager, "MANAGE_PLUGINS")
    ChannelSettings.objects.update_or_create(
        channel_id=channel.pk,
        defaults={"ticket_retention_months": 1, "attachment_retention_months": 1},
    )
    with freeze_time(NOW):
        api = Api(access_token_for(manager))
        saved = api(RETENTION_PREVIEW, {"channel": channel.slug})
        # when the dry run tries "kept for ever": null
        # (graphql-core 2 parses no `null` literal: a variable is the only way)
        tried = api(
            RETENTION_PREVIEW,
            {"channel": channel.slug, "months": None, "fileMonths": None},
        )

    # then the saved month would anonymise both tickets, and null nothing
    assert saved["helpdeskRetentionPreview"]["ticketsToAnonymize"] == 2
    nothing = {"ticketsToAnonymize": 0, "ticketsToDelete": 0, "attachmentsToRemove": 0}
    assert tried["helpdeskRetentionPreview"] == nothing


def test_the_preview_refuses_a_period_out_of_range(callers):
    body = callers["staff_with"].post(RETENTION_PREVIEW, {"months": 0}).json()

    assert [(e["message"], e["extensions"]) for e in body["errors"]] == [
        (
            "Enter a number between 1 and 360.",
            {"code": "INVALID", "field": "ticketRetentionMonths"},
        )
    ]


def test_the_retention_settings_are_saved_and_read_back(callers, channel):
    api = callers["staff_with"]

    # when the manager sets 24 months, deletion, files after 3 for the shop
    data = api(
        SETTINGS_UPDATE,
        {
            "input": {
                "ticketRetentionMonths": 24,
                "ticketRetentionAction": "DELETE",
                "attachmentRetentionMonths": 3,
            }
        },
    )["helpdeskChannelSettingsUpdate"]

    # then they are saved
    assert data == {
        "errors": [],
        "settings": {
            "ticketRetentionMonths": 24,
            "ticketRetentionAction": "DELETE",
            "attachmentRetentionMonths": 3,
        },
    }
    # and null switches a period off again
    data = api(SETTINGS_UPDATE, {"input": {"ticketRetentionMonths": None}})[
        "helpdeskChannelSettingsUpdate"
    ]
    assert data["settings"]["ticketRetentionMonths"] is None
    assert data["settings"]["attachmentRetentionMonths"] == 3


@pytest.mark.parametrize(
    "field", ["ticketRetentionMonths", "attachmentRetentionMonths"]
)
@pytest.mark.parametrize("months", [0, 361, -1])
def test_a_period_out_of_range_is_refused(callers, field, months):
    data = callers["staff_with"](SETTINGS_UPDATE, {"input": {field: months}})[
        "helpdeskChannelSettingsUpdate"
    ]

    assert data == {
        "errors": [
            {
                "field": field,
                "code": "INVALID",
                "message": "Enter a number between 1 and 360.",
            }
        ],
        "settings": None,
    }
    assert not ChannelSettings.objects.exclude(
        ticket_retention_months=None, attachment_retention_months=None
    ).exists()
