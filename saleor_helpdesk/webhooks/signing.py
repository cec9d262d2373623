"""Signatures of webhook requests.

The signed bytes are `f"{timestamp}.{event_id}.".encode() + body`, so a signature also
covers when the request was made and which event it carries: a consumer rejects old
timestamps (replays) and dedupes on the event id.

- "hmac": `X-Helpdesk-Signature: <hex HMAC-SHA256 of the signed bytes with the
  subscription's secret>`.
- "saleor": `Saleor-Signature: <detached JWS of the signed bytes>` made by the host with
  the shop's own key (in Saleor: verifiable with `/.well-known/jwks.json`, like Saleor's
  own webhooks).
"""

import hashlib
import hmac
import secrets

from ..host import get_host
from ..models.webhook import WebhookSigning

SIGNATURE_HEADER = "X-Helpdesk-Signature"
SALEOR_SIGNATURE_HEADER = "Saleor-Signature"
TIMESTAMP_HEADER = "X-Helpdesk-Timestamp"
EVENT_ID_HEADER = "X-Helpdesk-Event-Id"
TOPIC_HEADER = "X-Helpdesk-Topic"


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def signed_bytes(timestamp: int, event_id: str, body: bytes) -> bytes:
    return f"{timestamp}.{event_id}.".encode() + body


def hmac_signature(secret: str, timestamp: int, event_id: str, body: bytes) -> str:
    return hmac.new(
        secret.encode(), signed_bytes(timestamp, event_id, body), hashlib.sha256
    ).hexdigest()


def signature_headers(
    *,
    signing: str,
    secret: str,
    timestamp: int,
    event_id: str,
    topic: str,
    body: bytes,
) -> dict[str, str]:
    headers = {
        TIMESTAMP_HEADER: str(timestamp),
        EVENT_ID_HEADER: event_id,
        TOPIC_HEADER: topic,
    }
    if signing == WebhookSigning.SALEOR:
        headers[SALEOR_SIGNATURE_HEADER] = get_host().sign_payload(
            signed_bytes(timestamp, event_id, body)
        )
    else:
        headers[SIGNATURE_HEADER] = hmac_signature(secret, timestamp, event_id, body)
    return headers
