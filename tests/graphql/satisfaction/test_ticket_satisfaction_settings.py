"""`ticketSatisfactionSettings` and `ticketSatisfactionSettingsUpdate`: read with
MANAGE_ORDERS or MANAGE_PLUGINS, changed with MANAGE_PLUGINS; a channel's first change
starts from the shop's defaults."""

import pytest

from saleor_helpdesk.models import SatisfactionSettings
from tests.factories import StaffFactory, access_token_for, grant
from tests.graphql.conftest import Api

SETTINGS = """
query Settings($channel: String) {
  ticketSatisfactionSettings(channel: $channel) {
    channel { slug } inheritsShopDefaults surveyEnabled linkValidityDays
  }
}
"""

UPDATE = """
mutation Update($channel: String, $input: TicketSatisfactionSettingsInput!) {
  ticketSatisfactionSettingsUpdate(channel: $channel, input: $input) {
    settings { channel { slug } inheritsShopDefaults surveyEnabled linkValidityDays }
    errors { field code message }
  }
}
"""

REFUSED = {
    "field": None,
    "code": "PERMISSION_DENIED",
    "message": "You need the MANAGE_PLUGINS permission to change the helpdesk's "
    "settings.",
}


@pytest.fixture
def admin_api(db):
    admin = StaffFactory(email="admin@shop.example")
    grant(admin, "MANAGE_PLUGINS")
    return Api(access_token_for(admin))


def test_the_defaults_apply_until_changed(staff_api, channel):
    data = staff_api(SETTINGS, {"channel": channel.slug})
    assert data["ticketSatisfactionSettings"] == {
        "channel": {"slug": "default-channel"},
        "inheritsShopDefaults": True,
        "surveyEnabled": True,
        "linkValidityDays": 30,
    }


def test_a_channels_first_change_starts_from_the_shops_defaults(admin_api, channel):
    # given the shop's defaults with links valid for 14 days
    admin_api(UPDATE, {"input": {"linkValidityDays": 14}})

    # when the channel turns the survey off
    data = admin_api(
        UPDATE, {"channel": channel.slug, "input": {"surveyEnabled": False}}
    )["ticketSatisfactionSettingsUpdate"]

    # then it keeps the shop's validity
    assert data == {
        "settings": {
            "channel": {"slug": "default-channel"},
            "inheritsShopDefaults": False,
            "surveyEnabled": False,
            "linkValidityDays": 14,
        },
        "errors": [],
    }
    assert SatisfactionSettings.objects.count() == 2


@pytest.mark.parametrize("days", [0, 366, -5])
def test_a_validity_out_of_range_is_refused(admin_api, days):
    data = admin_api(UPDATE, {"input": {"linkValidityDays": days}})
    assert data["ticketSatisfactionSettingsUpdate"] == {
        "settings": None,
        "errors": [
            {
                "field": "linkValidityDays",
                "code": "INVALID",
                "message": "A link is valid for 1 to 365 days.",
            }
        ],
    }
    assert not SatisfactionSettings.objects.exists()


def test_an_unknown_channel_is_refused(admin_api):
    data = admin_api(UPDATE, {"channel": "nope", "input": {"surveyEnabled": False}})
    [error] = data["ticketSatisfactionSettingsUpdate"]["errors"]
    assert (error["field"], error["code"]) == ("channel", "NOT_FOUND")


@pytest.mark.parametrize(
    "caller", ["anonymous", "customer", "staff_without_permission", "manage_orders"]
)
def test_only_manage_plugins_may_change(caller, customer, staff_api, channel):
    api = {
        "anonymous": lambda: Api(),
        "customer": lambda: Api(access_token_for(customer)),
        "staff_without_permission": lambda: Api(
            access_token_for(StaffFactory(email="intern@shop.example"))
        ),
        "manage_orders": lambda: staff_api,
    }[caller]()
    data = api(UPDATE, {"input": {"surveyEnabled": False}})
    assert data["ticketSatisfactionSettingsUpdate"] == {
        "settings": None,
        "errors": [REFUSED],
    }
    assert not SatisfactionSettings.objects.exists()


@pytest.mark.parametrize(
    "caller", ["anonymous", "customer", "staff_without_permission"]
)
def test_reading_needs_a_settings_permission(caller, customer):
    api = {
        "anonymous": lambda: Api(),
        "customer": lambda: Api(access_token_for(customer)),
        "staff_without_permission": lambda: Api(
            access_token_for(StaffFactory(email="intern@shop.example"))
        ),
    }[caller]()
    body = api.post(SETTINGS, {}).json()
    assert body["data"]["ticketSatisfactionSettings"] is None
    assert body["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
