"""Downloading an e-mail as it arrived (the raw .eml a mailbox took in), for staff who
may read it (`mailboxes/access.py`): those who work its ticket, or, for a message
without a ticket, those who work tickets or manage mailboxes in its channel."""

from django.http import HttpRequest, JsonResponse
from django.http.response import HttpResponseBase

from ..mailboxes.access import visible_inbound_emails
from .downloads import not_found, send_file, wanted_file

NOT_FOUND = "Message not found."


def download_original(request: HttpRequest, inbound_uuid: str) -> HttpResponseBase:
    wanted = wanted_file(request, inbound_uuid, NOT_FOUND)
    if isinstance(wanted, JsonResponse):
        return wanted
    row = visible_inbound_emails(wanted.actor).filter(uuid=wanted.uuid).first()
    if row is None or not row.raw:
        # A message refused as too large was never kept: nothing to download.
        return not_found(NOT_FOUND)
    return send_file(row.raw.open("rb"), f"{row.uuid}.eml", "message/rfc822")
