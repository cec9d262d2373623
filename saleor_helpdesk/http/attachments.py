"""Downloading an attachment: the only way a file leaves private storage."""

from django.http import HttpRequest, JsonResponse
from django.http.response import HttpResponseBase

from ..core.constants import CommentVisibility
from ..core.error_codes import HttpErrorCode
from ..models import Attachment
from ..tickets.access import visible_tickets
from .downloads import error, not_found, send_file, wanted_file

NOT_FOUND = "Attachment not found."


def download_attachment(request: HttpRequest, attachment_uuid: str) -> HttpResponseBase:
    wanted = wanted_file(request, attachment_uuid, NOT_FOUND)
    if isinstance(wanted, JsonResponse):
        return wanted
    actor = wanted.actor
    attachments = Attachment.objects.filter(
        uuid=wanted.uuid, ticket__in=visible_tickets(actor)
    )
    if not actor.is_agent:
        attachments = attachments.filter(visibility=CommentVisibility.PUBLIC)
    attachment = attachments.first()
    if attachment is None:
        return not_found(NOT_FOUND)
    if attachment.removed_at is not None:
        # Erased or past the retention period: the row stays, the file is gone.
        return error(HttpErrorCode.ATTACHMENT_REMOVED, "This file was removed.", 410)
    return send_file(
        attachment.file.open("rb"), attachment.display_name, attachment.content_type
    )
