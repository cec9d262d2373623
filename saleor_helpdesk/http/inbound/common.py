"""What both doors for pushed mail share: finding the mailbox a URL names, reading a
body no larger than a limit, and the answers."""

from uuid import UUID

from django.http import HttpRequest, JsonResponse

from ...actions.inbound import Received
from ...core.error_codes import HelpdeskErrorCode, HttpErrorCode
from ...models.mailbox import Mailbox, MailboxKind

# What a body may carry beyond the mailbox's largest message: headers added on the way
# (Received, DKIM, the service's own). A message over the mailbox's limit but within
# this margin is still taken in, as refused-too-large with a note for staff; a larger
# body is refused at the door (413), so the sender's server bounces it to the sender.
MARGIN = 1024 * 1024
CHUNK = 64 * 1024


class BodyTooLarge(Exception):
    pass


def error(code: str, message: str, status: int) -> JsonResponse:
    return JsonResponse({"error": {"code": code, "message": message}}, status=status)


def method_not_allowed() -> JsonResponse:
    return error(HttpErrorCode.METHOD_NOT_ALLOWED, "Use POST.", 405)


def mailbox_not_found() -> JsonResponse:
    return error(
        HelpdeskErrorCode.NOT_FOUND.value, "No mailbox takes pushed mail here.", 404
    )


def mailbox_inactive() -> JsonResponse:
    # 409, not 404: the address is right, the merchant switched the mailbox off.
    return error(
        HttpErrorCode.MAILBOX_INACTIVE,
        "This mailbox is switched off; switch it on in the helpdesk's mailbox "
        "settings to take mail in.",
        409,
    )


def too_large(limit: int) -> JsonResponse:
    return error(
        HttpErrorCode.TOO_LARGE,
        f"The request is larger than this mailbox takes ({limit} bytes).",
        413,
    )


def push_mailbox(mailbox_uuid: str) -> Mailbox | None:
    """The mailbox that takes pushed mail at this URL (any state)."""
    try:
        # The routes admit any 36 hex digits and dashes, not only UUIDs.
        wanted = UUID(mailbox_uuid)
    except ValueError:
        return None
    return Mailbox.objects.filter(uuid=wanted, kind=MailboxKind.PUSH).first()


def content_length(request: HttpRequest) -> int | None:
    try:
        return int(request.META.get("CONTENT_LENGTH") or "")
    except ValueError:
        return None


def read_body(request: HttpRequest, limit: int) -> bytes:
    """The request's body, read in chunks; `BodyTooLarge` as soon as it is known to be
    larger than `limit` (from Content-Length, before reading anything)."""
    length = content_length(request)
    if length is not None and length > limit:
        raise BodyTooLarge
    chunks: list[bytes] = []
    size = 0
    while chunk := request.read(CHUNK):
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge
        chunks.append(chunk)
    return b"".join(chunks)


def received_json(received: Received) -> dict[str, object]:
    return {
        "status": received.inbound.status,
        "inboundId": str(received.inbound.uuid),
        # Taken in before (a redelivery): nothing changed now.
        "duplicate": not received.created,
    }
