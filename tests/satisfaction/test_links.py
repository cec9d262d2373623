"""The survey link's token: made by this shop, for one ticket, until it expires."""

from datetime import timedelta

import pytest
from django.core import signing
from django.utils import timezone

from saleor_helpdesk.models import SatisfactionSettings
from saleor_helpdesk.satisfaction.links import (
    SALT,
    LinkExpired,
    LinkInvalid,
    make_token,
    read_token,
    survey_urls,
)


def test_a_token_names_its_ticket_until_it_expires(closed_ticket):
    # given a token valid for 30 days
    token = make_token(closed_ticket, 30)

    # when it is read within them, then it names the ticket
    link = read_token(token)
    assert link.ticket_id == closed_ticket.pk
    assert link.expires_at > timezone.now() + timedelta(days=29)
    # and after them it is refused as expired
    with pytest.raises(LinkExpired):
        read_token(token, now=timezone.now() + timedelta(days=30, seconds=1))


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),  # signature
        lambda token: "x" + token,  # payload
        lambda token: token.split(":")[0],  # no signature at all
        lambda token: "",
    ],
)
def test_an_altered_token_is_refused(closed_ticket, tamper):
    token = make_token(closed_ticket, 30)
    with pytest.raises(LinkInvalid):
        read_token(tamper(token))


def test_a_token_for_another_ticket_cannot_be_made_without_the_key(closed_ticket):
    # given the payload of a genuine token, pointed at another ticket and signed with
    # another key (or without the survey's salt)
    genuine = signing.loads(make_token(closed_ticket, 30), salt=SALT)
    forged_key = signing.dumps(
        {**genuine, "t": closed_ticket.pk + 1}, key="not-the-key", salt=SALT
    )
    other_salt = signing.dumps({**genuine, "t": closed_ticket.pk + 1})

    # then neither is accepted
    for forged in (forged_key, other_salt):
        with pytest.raises(LinkInvalid):
            read_token(forged)


def test_a_longer_validity_is_not_possible_by_editing_the_expiry(closed_ticket):
    token = make_token(closed_ticket, 1)
    payload = signing.loads(token, salt=SALT)
    # the expiry is inside the signed part: changing it breaks the signature
    unsigned, signature = token.rsplit(":", 1)
    longer = signing.dumps({**payload, "x": payload["x"] + 86400 * 365}, salt=SALT)
    assert longer.rsplit(":", 1)[1] != signature
    with pytest.raises(LinkInvalid):
        read_token(longer.rsplit(":", 1)[0] + ":" + signature)


def test_the_five_links_need_the_public_address_and_the_survey(settings, closed_ticket):
    policy = SatisfactionSettings(survey_enabled=True, link_validity_days=30)
    settings.PUBLIC_URL = ""
    assert survey_urls(closed_ticket, policy) == []

    settings.PUBLIC_URL = "https://shop.example/"
    urls = survey_urls(closed_ticket, policy)
    assert [url.rsplit("score=", 1)[1] for url in urls] == ["1", "2", "3", "4", "5"]
    assert all(url.startswith("https://shop.example/plugins/global/") for url in urls)

    policy.survey_enabled = False
    assert survey_urls(closed_ticket, policy) == []
