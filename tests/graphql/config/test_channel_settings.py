"""Channel settings and the shop's defaults: helpdeskChannelSettings and
helpdeskChannelSettingsUpdate."""

import pytest

from saleor_helpdesk.models import ChannelSettings
from saleor_helpdesk.tickets.policies import channel_settings
from tests.factories import StaffFactory, access_token_for, grant
from tests.graphql.config import operations as op
from tests.graphql.config.conftest import (
    WRITE_DENIED,
    gid,
    read_refused,
    refused,
    succeeded,
)
from tests.graphql.conftest import Api


def test_a_channel_without_settings_follows_the_built_in_defaults(api_for, channel):
    # given no settings at all
    # when staff read a channel's settings
    settings = api_for("staff_with_manage_orders")(
        op.HELPDESK_CHANNEL_SETTINGS, {"channel": channel.slug}
    )["helpdeskChannelSettings"]

    # then they are the built-in defaults, marked as inherited
    assert settings == {
        "channel": {"slug": "default-channel"},
        "inheritsShopDefaults": True,
        "attachmentsAllowed": True,
        "maxAttachmentSize": 10 * 1024 * 1024,
        "maxAttachmentsPerComment": 5,
        "maxAttachmentsPerTicket": 30,
        "allowedContentTypes": [
            "image/jpeg",
            "image/png",
            "image/gif",
            "image/webp",
            "image/heic",
            "application/pdf",
            "text/plain",
        ],
        "guestTicketsAllowed": True,
        "customerMayClose": True,
        "customerMayReopen": True,
        "reopenWindowDays": 30,
        "autoCloseOnFullRefund": False,
        "senderEmail": "",
        "senderName": "",
        "signature": "",
        "defaultResponsible": None,
    }


def test_a_manager_changes_the_shop_defaults(manager_api, staff_user):
    # when a manager sets the shop's defaults (no channel)
    payload = succeeded(
        manager_api,
        op.HELPDESK_CHANNEL_SETTINGS_UPDATE,
        {
            "input": {
                "senderName": "Kaffee GmbH",
                "senderEmail": "service@kaffee.example",
                "reopenWindowDays": None,
                "allowedContentTypes": ["image/png", "APPLICATION/PDF"],
                "defaultResponsible": gid("User", staff_user.pk),
                "signature": "<p>Ihr Team</p><img src=x onerror=alert(1)>",
            }
        },
    )

    # then the defaults row holds them
    row = ChannelSettings.objects.get(channel__isnull=True)
    assert (row.sender_name, row.sender_email, row.reopen_window_days) == (
        "Kaffee GmbH",
        "service@kaffee.example",
        None,
    )
    assert row.allowed_content_types == ["image/png", "application/pdf"]
    assert row.default_responsible == staff_user
    assert row.signature == "<p>Ihr Team</p>"
    assert payload["settings"]["channel"] is None
    assert payload["settings"]["inheritsShopDefaults"] is False
    assert payload["settings"]["defaultResponsible"] == {"email": "agent@shop.example"}


def test_a_channel_s_first_change_starts_from_the_shop_defaults(manager_api, channel):
    # given shop defaults with a sender name and no guest tickets
    ChannelSettings.objects.create(
        channel=None, sender_name="Kaffee GmbH", guest_tickets_allowed=False
    )

    # when a manager changes one setting of a channel
    payload = succeeded(
        manager_api,
        op.HELPDESK_CHANNEL_SETTINGS_UPDATE,
        {"channel": channel.slug, "input": {"customerMayClose": False}},
    )

    # then the channel has its own row, the rest copied from the shop's defaults
    row = ChannelSettings.objects.get(channel=channel)
    assert (row.customer_may_close, row.sender_name, row.guest_tickets_allowed) == (
        False,
        "Kaffee GmbH",
        False,
    )
    assert channel_settings(channel.pk) == row
    assert payload["settings"]["channel"] == {"slug": "default-channel"}
    assert payload["settings"]["inheritsShopDefaults"] is False


def test_reading_a_channel_without_its_own_row_shows_the_shop_defaults(
    api_for, channel
):
    ChannelSettings.objects.create(channel=None, sender_name="Kaffee GmbH")

    settings = api_for("staff_with_manage_plugins")(
        op.HELPDESK_CHANNEL_SETTINGS, {"channel": channel.slug}
    )["helpdeskChannelSettings"]

    assert (settings["senderName"], settings["inheritsShopDefaults"]) == (
        "Kaffee GmbH",
        True,
    )


@pytest.mark.parametrize(
    ("given", "field", "code", "message"),
    [
        (
            {"maxAttachmentSize": 0},
            "maxAttachmentSize",
            "INVALID",
            "Enter a number between 1 and 104857600.",
        ),
        (
            {"maxAttachmentsPerComment": 101},
            "maxAttachmentsPerComment",
            "INVALID",
            "Enter a number between 1 and 100.",
        ),
        (
            {"maxAttachmentsPerComment": 10, "maxAttachmentsPerTicket": 5},
            "maxAttachmentsPerComment",
            "INVALID",
            "A comment cannot carry more files than the whole ticket may.",
        ),
        (
            {"maxAttachmentsPerComment": 40},
            "maxAttachmentsPerComment",
            "INVALID",
            "A comment cannot carry more files than the whole ticket may.",
        ),
        (
            {"allowedContentTypes": ["image/png", "text/html"]},
            "allowedContentTypes",
            "UNSUPPORTED_FILE_TYPE",
            "'text/html' cannot be allowed; choose from image/jpeg, image/png, "
            "image/gif, image/webp, image/heic, application/pdf, text/plain.",
        ),
        (
            {"allowedContentTypes": ["image/png", "image/PNG"]},
            "allowedContentTypes",
            "DUPLICATED_INPUT_ITEM",
            "'image/png' is given more than once.",
        ),
        (
            {"reopenWindowDays": 0},
            "reopenWindowDays",
            "INVALID",
            "Enter a number between 1 and 3650.",
        ),
        (
            {"senderEmail": "service at kaffee"},
            "senderEmail",
            "INVALID_EMAIL",
            "'service at kaffee' is not an e-mail address.",
        ),
        (
            {"senderName": "n" * 129},
            "senderName",
            "INVALID",
            "At most 128 characters are allowed.",
        ),
        (
            {"defaultResponsible": "outsider"},
            "defaultResponsible",
            "NOT_A_SUPPORT_AGENT",
            "Only an active member of the support team can be responsible.",
        ),
    ],
)
def test_invalid_settings_are_refused(
    manager_api, channel, given, field, code, message
):
    # given settings with one mistake (a staff user outside the team, say)
    if given.get("defaultResponsible") == "outsider":
        given = {"defaultResponsible": gid("User", StaffFactory().pk)}

    # when a manager sends them for a channel
    error = refused(
        manager_api,
        op.HELPDESK_CHANNEL_SETTINGS_UPDATE,
        {"channel": channel.slug, "input": given},
    )

    # then it is a typed error and no row was written
    assert error == {"field": field, "code": code, "message": message}


def test_an_unknown_channel_is_not_found(manager_api, api_for):
    # when a manager changes, or staff read, the settings of a channel that does not exist
    error = refused(
        manager_api,
        op.HELPDESK_CHANNEL_SETTINGS_UPDATE,
        {"channel": "nowhere", "input": {"customerMayClose": False}},
    )
    read = read_refused(
        api_for("staff_with_manage_orders"),
        op.HELPDESK_CHANNEL_SETTINGS,
        {"channel": "nowhere"},
    )

    # then it is not found
    assert error == {
        "field": "channel",
        "code": "NOT_FOUND",
        "message": "Channel not found.",
    }
    assert read["extensions"] == {"code": "NOT_FOUND", "field": "channel"}


@pytest.fixture
def channel_manager_api(channel):
    """A manager whose permission group gives them one channel only."""
    user = StaffFactory(email="de-admin@shop.example")
    grant(user, "MANAGE_PLUGINS", channels=[channel])
    return Api(access_token_for(user))


def test_a_channel_restricted_manager_changes_only_their_channel(
    channel_manager_api, channel, other_channel
):
    # given a manager restricted to one channel
    # when they change their channel, another channel, and the shop's defaults
    succeeded(
        channel_manager_api,
        op.HELPDESK_CHANNEL_SETTINGS_UPDATE,
        {"channel": channel.slug, "input": {"guestTicketsAllowed": False}},
    )
    elsewhere = refused(
        channel_manager_api,
        op.HELPDESK_CHANNEL_SETTINGS_UPDATE,
        {"channel": other_channel.slug, "input": {"guestTicketsAllowed": False}},
    )
    defaults = refused(
        channel_manager_api,
        op.HELPDESK_CHANNEL_SETTINGS_UPDATE,
        {"input": {"guestTicketsAllowed": False}},
    )

    # then only their own channel changed
    assert ChannelSettings.objects.get(channel=channel).guest_tickets_allowed is False
    assert elsewhere == {
        "field": "channel",
        "code": "PERMISSION_DENIED",
        "message": "You have no access to this channel.",
    }
    assert defaults == {
        "field": "channel",
        "code": "PERMISSION_DENIED",
        "message": "The shop's defaults apply to every channel: you need access to all "
        "channels to change them.",
    }


def test_a_channel_restricted_manager_reads_the_defaults_but_not_other_channels(
    channel_manager_api, other_channel
):
    defaults = channel_manager_api(op.HELPDESK_CHANNEL_SETTINGS)[
        "helpdeskChannelSettings"
    ]
    error = read_refused(
        channel_manager_api,
        op.HELPDESK_CHANNEL_SETTINGS,
        {"channel": other_channel.slug},
    )

    assert defaults["channel"] is None
    assert error["extensions"] == {"code": "PERMISSION_DENIED", "field": "channel"}


def test_staff_who_work_tickets_cannot_change_settings(api_for, channel):
    error = refused(
        api_for("staff_with_manage_orders"),
        op.HELPDESK_CHANNEL_SETTINGS_UPDATE,
        {"channel": channel.slug, "input": {"customerMayClose": False}},
    )

    assert error == WRITE_DENIED
