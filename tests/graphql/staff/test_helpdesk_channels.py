"""helpdeskChannels: the channels a caller works tickets in."""

import pytest

from tests.graphql.staff.conftest import gid

CHANNELS = "{ helpdeskChannels { id slug name currencyCode } }"


def test_staff_see_every_channel_their_groups_open(staff_api, channel, other_channel):
    data = staff_api(CHANNELS)

    assert data["helpdeskChannels"] == [
        {
            "id": gid("Channel", c.pk),
            "slug": c.slug,
            "name": c.name,
            "currencyCode": c.currency_code,
        }
        for c in sorted([channel, other_channel], key=lambda c: (c.name, c.pk))
    ]


def test_staff_limited_to_one_channel_see_only_that_one(
    other_channel_staff_api, channel, other_channel
):
    data = other_channel_staff_api(CHANNELS)

    assert [c["slug"] for c in data["helpdeskChannels"]] == [other_channel.slug]


@pytest.mark.parametrize(
    "caller", ["anonymous", "customer", "staff_without_permission"]
)
def test_others_get_null(api_as, caller, channel):
    assert api_as(caller)(CHANNELS) == {"helpdeskChannels": None}
