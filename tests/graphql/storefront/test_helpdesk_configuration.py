"""`helpdeskConfiguration`: the public form data a storefront draws from."""

import pytest

from saleor_helpdesk.models import ChannelSettings
from tests.graphql.conftest import Api

HELPDESK_CONFIGURATION = """
query Config($channel: String!, $lang: String) {
  helpdeskConfiguration(channel: $channel, languageCode: $lang) {
    kinds { kind label categories { slug name(languageCode: $lang) } }
    contacts { slug name(languageCode: $lang) }
    complaintReasons { reason label }
    resolutions { resolution label }
    attachments { allowed maxSize maxPerComment maxPerTicket contentTypes }
    policies { guestTicketsAllowed customerMayClose customerMayReopen reopenWindowDays }
  }
}
"""


@pytest.mark.parametrize("caller", ["anonymous_api", "customer_api", "staff_api"])
def test_everyone_reads_the_configuration_in_german(request, caller, channel):
    api: Api = request.getfixturevalue(caller)

    config = api(HELPDESK_CONFIGURATION, {"channel": channel.slug, "lang": "de"})[
        "helpdeskConfiguration"
    ]

    complaint = next(k for k in config["kinds"] if k["kind"] == "COMPLAINT")
    assert complaint["label"] == "Reklamation"
    assert {"slug": "delivery", "name": "Problem mit der Lieferung"} in complaint[
        "categories"
    ]
    assert {"reason": "DAMAGED_IN_TRANSIT", "label": "Transportschaden"} in config[
        "complaintReasons"
    ]
    assert {"resolution": "REPLACEMENT", "label": "Ersatz"} in config["resolutions"]
    assert config["attachments"]["maxSize"] == 10 * 1024 * 1024
    assert "image/jpeg" in config["attachments"]["contentTypes"]


def test_labels_default_to_english_and_policies_follow_the_channel(
    anonymous_api, channel
):
    ChannelSettings.objects.create(
        channel=channel, customer_may_close=False, guest_tickets_allowed=False
    )

    config = anonymous_api(HELPDESK_CONFIGURATION, {"channel": channel.slug})[
        "helpdeskConfiguration"
    ]

    assert config["kinds"][1] == {
        "kind": "COMPLAINT",
        "label": "Complaint",
        "categories": config["kinds"][1]["categories"],
    }
    assert config["policies"] == {
        "guestTicketsAllowed": False,
        "customerMayClose": False,
        "customerMayReopen": True,
        "reopenWindowDays": 30,
    }


def test_an_unknown_or_inactive_channel_is_an_error(anonymous_api, channel):
    channel.is_active = False
    channel.save()

    body = anonymous_api.post(HELPDESK_CONFIGURATION, {"channel": channel.slug}).json()

    assert body["data"] == {"helpdeskConfiguration": None}
    assert body["errors"][0]["message"] == f"Channel '{channel.slug}' not found."
