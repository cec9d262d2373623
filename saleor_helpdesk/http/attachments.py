"""Downloading an attachment: the only way a file leaves private storage."""

from uuid import UUID

from django.http import FileResponse, HttpRequest, JsonResponse
from django.http.response import HttpResponseBase

from ..core.constants import CommentVisibility
from ..core.error_codes import HelpdeskErrorCode, HttpErrorCode
from ..host import AuthenticationError, get_host
from ..models import Attachment
from ..tickets.access import visible_tickets


def _error(code: str, message: str, status: int) -> JsonResponse:
    return JsonResponse({"error": {"code": code, "message": message}}, status=status)


def download_attachment(request: HttpRequest, attachment_uuid: str) -> HttpResponseBase:
    if request.method not in ("GET", "HEAD"):
        return _error(HttpErrorCode.METHOD_NOT_ALLOWED, "Use GET.", 405)
    try:
        actor = get_host().authenticate(request)
    except AuthenticationError as error:
        return _error(HttpErrorCode.INVALID_TOKEN, str(error), 401)
    try:
        # The route admits any 36 hex digits and dashes, not only UUIDs.
        wanted = UUID(attachment_uuid)
    except ValueError:
        return _error(HelpdeskErrorCode.NOT_FOUND.value, "Attachment not found.", 404)
    attachments = Attachment.objects.filter(
        uuid=wanted, ticket__in=visible_tickets(actor)
    )
    if not actor.is_agent:
        attachments = attachments.filter(visibility=CommentVisibility.PUBLIC)
    attachment = attachments.first()
    if attachment is None:
        return _error(HelpdeskErrorCode.NOT_FOUND.value, "Attachment not found.", 404)
    if attachment.removed_at is not None:
        # Erased or past the retention period: the row stays, the file is gone.
        return _error(HttpErrorCode.ATTACHMENT_REMOVED, "This file was removed.", 410)
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.display_name,
        content_type=attachment.content_type,
    )
    # The browser must not second-guess the type or render the file in our origin.
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
