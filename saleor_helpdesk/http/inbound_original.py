"""Downloading an e-mail as it arrived (the raw .eml a mailbox took in), for staff who
may read it (`mailboxes/access.py`): those who work its ticket, or, for a message
without a ticket, those who work tickets or manage mailboxes in its channel."""

from uuid import UUID

from django.http import FileResponse, HttpRequest, JsonResponse
from django.http.response import HttpResponseBase

from ..core.error_codes import HelpdeskErrorCode, HttpErrorCode
from ..host import AuthenticationError, get_host
from ..mailboxes.access import visible_inbound_emails


def _error(code: str, message: str, status: int) -> JsonResponse:
    return JsonResponse({"error": {"code": code, "message": message}}, status=status)


def download_original(request: HttpRequest, inbound_uuid: str) -> HttpResponseBase:
    if request.method not in ("GET", "HEAD"):
        return _error(HttpErrorCode.METHOD_NOT_ALLOWED, "Use GET.", 405)
    try:
        actor = get_host().authenticate(request)
    except AuthenticationError as error:
        return _error(HttpErrorCode.INVALID_TOKEN, str(error), 401)
    try:
        # The route admits any 36 hex digits and dashes, not only UUIDs.
        wanted = UUID(inbound_uuid)
    except ValueError:
        return _error(HelpdeskErrorCode.NOT_FOUND.value, "Message not found.", 404)
    row = visible_inbound_emails(actor).filter(uuid=wanted).first()
    if row is None or not row.raw:
        # A message refused as too large was never kept: nothing to download.
        return _error(HelpdeskErrorCode.NOT_FOUND.value, "Message not found.", 404)
    response = FileResponse(
        row.raw.open("rb"),
        as_attachment=True,
        filename=f"{row.uuid}.eml",
        content_type="message/rfc822",
    )
    # The browser must not second-guess the type or render the message in our origin.
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
