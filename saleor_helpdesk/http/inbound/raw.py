"""`POST inbound/raw/<mailbox uuid>/`: one raw message from a mail server (Postfix
piping into curl, a script), for mail that comes through no e-mail service.

The secret goes in `Authorization: Bearer <secret>` (`mailboxes/push.py` makes it); the
body is the message as received (`message/rfc822` or `application/octet-stream`). A
message taken in before answers 200 as well, marked as a duplicate, so the sender stops
trying.
"""

from django.http import HttpRequest, JsonResponse

from ...actions.inbound import receive_email
from ...core.error_codes import HelpdeskErrorCode, HttpErrorCode
from ...mailboxes.push import push_secret_matches
from ...models import Mailbox
from .common import (
    MARGIN,
    BodyTooLarge,
    error,
    mailbox_inactive,
    mailbox_not_found,
    method_not_allowed,
    push_mailbox,
    read_body,
    received_json,
    too_large,
)

VIA = "raw"
CONTENT_TYPES = ("message/rfc822", "application/octet-stream")


def receive_raw_message(request: HttpRequest, mailbox_uuid: str) -> JsonResponse:
    if request.method != "POST":
        return method_not_allowed()
    mailbox = push_mailbox(mailbox_uuid)
    if mailbox is None:
        return mailbox_not_found()
    refused = _unauthorized(request, mailbox)
    if refused is not None:
        return refused
    if not mailbox.is_active:
        return mailbox_inactive()
    if request.content_type not in CONTENT_TYPES:
        return error(
            HttpErrorCode.UNSUPPORTED_MEDIA_TYPE,
            "Send the message as Content-Type: message/rfc822.",
            415,
        )
    limit = mailbox.max_message_size + MARGIN
    try:
        raw = read_body(request, limit)
    except BodyTooLarge:
        return too_large(limit)
    if not raw.strip():
        return error(HelpdeskErrorCode.EMPTY_BODY.value, "The message is empty.", 400)
    return JsonResponse(received_json(receive_email(raw, mailbox=mailbox, via=VIA)))


def _unauthorized(request: HttpRequest, mailbox: Mailbox) -> JsonResponse | None:
    scheme, _, secret = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not secret.strip():
        answer = error(
            HttpErrorCode.UNAUTHENTICATED,
            "Send the mailbox's push secret as Authorization: Bearer <secret>.",
            401,
        )
    elif not push_secret_matches(mailbox, secret.strip()):
        answer = error(
            HttpErrorCode.INVALID_TOKEN, "The push secret is not this mailbox's.", 401
        )
    else:
        return None
    answer["WWW-Authenticate"] = 'Bearer realm="helpdesk mailbox"'
    return answer
