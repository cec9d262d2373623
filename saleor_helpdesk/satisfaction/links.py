"""The survey's signed links: who may rate which ticket, without signing in.

A link carries a token made with Django's signing (HMAC-SHA256 keyed by the
deployment's SECRET_KEY, with a salt of its own, so no other signed value of the shop
is ever accepted as a survey token, and SECRET_KEY_FALLBACKS rotate it). The token
names the ticket and the moment the link stops working; the score is a plain query
parameter (the page lets the customer change it anyway). Nothing is stored per link:
"once per ticket" is the rating's unique ticket, checked when a rating is recorded.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.utils import timezone

from .. import PLUGIN_ID
from ..core import conf
from ..models import SatisfactionSettings, Ticket
from ..models.satisfaction import MAX_SCORE, MIN_SCORE

SALT = "saleor_helpdesk.satisfaction.survey-link"
# Where the links point: the deployment's public address (Saleor's PUBLIC_URL), or
# HELPDESK_PUBLIC_URL where the plugin is reached under another address.
PUBLIC_URL_SETTING = "HELPDESK_PUBLIC_URL"


class LinkInvalid(Exception):
    """The token was not made by this shop, or was altered."""


class LinkExpired(Exception):
    """The token is genuine but its time has passed."""


@dataclass(frozen=True)
class SurveyLink:
    ticket_id: int
    expires_at: datetime


def make_token(ticket: Ticket, valid_days: int, now: datetime | None = None) -> str:
    expires = (now or timezone.now()) + timedelta(days=valid_days)
    payload = {"t": ticket.pk, "x": int(expires.timestamp())}
    return signing.dumps(payload, salt=SALT, compress=False)


def read_token(token: str, now: datetime | None = None) -> SurveyLink:
    """What a genuine token says; `LinkInvalid` or `LinkExpired` otherwise."""
    try:
        payload = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        raise LinkInvalid() from None
    if (
        not isinstance(payload, dict)
        or not isinstance(payload.get("t"), int)
        or not isinstance(payload.get("x"), int)
    ):
        raise LinkInvalid()
    expires = datetime.fromtimestamp(payload["x"], tz=timezone.get_current_timezone())
    if (now or timezone.now()) >= expires:
        raise LinkExpired()
    return SurveyLink(ticket_id=payload["t"], expires_at=expires)


def public_base_url() -> str:
    base = conf.text(PUBLIC_URL_SETTING) or getattr(settings, "PUBLIC_URL", "") or ""
    return str(base).rstrip("/")


def survey_path(token: str) -> str:
    """The page's path below the host's root."""
    return f"/plugins/global/{PLUGIN_ID}/satisfaction/{token}/"


def survey_urls(ticket: Ticket, policy: SatisfactionSettings) -> list[str]:
    """The five links (score 1 to 5) of the closing e-mail; empty where the survey is
    off or the shop's public address is unknown (a link must be absolute)."""
    base = public_base_url()
    if not policy.survey_enabled or not base:
        return []
    page = base + survey_path(make_token(ticket, policy.link_validity_days))
    return [
        f"{page}?{urlencode({'score': score})}"
        for score in range(MIN_SCORE, MAX_SCORE + 1)
    ]
