"""What the file downloads share (attachments, an e-mail's original): GET only, the
caller authenticated by the host, the file named by a UUID."""

from dataclasses import dataclass
from typing import IO
from uuid import UUID

from django.http import FileResponse, HttpRequest, JsonResponse

from ..core.actor import Actor
from ..core.error_codes import HelpdeskErrorCode, HttpErrorCode
from ..host import AuthenticationError, get_host


def error(code: str, message: str, status: int) -> JsonResponse:
    return JsonResponse({"error": {"code": code, "message": message}}, status=status)


def not_found(message: str) -> JsonResponse:
    return error(HelpdeskErrorCode.NOT_FOUND.value, message, 404)


@dataclass(frozen=True)
class Wanted:
    actor: Actor
    uuid: UUID


def wanted_file(
    request: HttpRequest, raw_uuid: str, not_found_message: str
) -> Wanted | JsonResponse:
    """Who asks for which file, or the error response to send instead."""
    if request.method not in ("GET", "HEAD"):
        return error(HttpErrorCode.METHOD_NOT_ALLOWED, "Use GET.", 405)
    try:
        actor = get_host().authenticate(request)
    except AuthenticationError as failure:
        return error(HttpErrorCode.INVALID_TOKEN, str(failure), 401)
    try:
        # The routes admit any 36 hex digits and dashes, not only UUIDs.
        return Wanted(actor, UUID(raw_uuid))
    except ValueError:
        return not_found(not_found_message)


def send_file(handle: IO[bytes], filename: str, content_type: str) -> FileResponse:
    """The file as a download the browser neither sniffs nor renders in our origin,
    and no cache keeps."""
    response = FileResponse(
        handle, as_attachment=True, filename=filename, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
