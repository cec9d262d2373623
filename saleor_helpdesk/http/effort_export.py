"""Downloading a period's time entries as CSV: `GET effort/export/?gte=<ISO time>&
lte=<ISO time>[&channel=<Channel ID>][&language=de|en]`, with the caller's Bearer
token; staff (or apps) with MANAGE_ORDERS, over their channels: the same callers and
the same period rule (at most 366 days) as `timeStatistics`.

Streamed (see `effort/export.py`): the caller and the period are checked before the
first byte, then rows go out as they are read.
"""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.http import HttpRequest, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.utils import timezone

from ..core.actor import ActorKind
from ..core.error_codes import HelpdeskErrorCode, HttpErrorCode
from ..core.errors import field_error
from ..effort.export import export_time_entries
from ..graphql.core.ids import int_pk
from ..host import AuthenticationError, get_host
from .export import _error, _refusal


def _moment(request: HttpRequest, name: str) -> datetime:
    text = request.GET.get(name) or ""
    try:
        value = datetime.fromisoformat(text.replace(" ", "+"))
    except ValueError:
        raise field_error(
            name,
            f"Give `{name}` as an ISO 8601 date and time.",
            HelpdeskErrorCode.INVALID,
        ) from None
    return value if timezone.is_aware(value) else timezone.make_aware(value)


def export_time(request: HttpRequest) -> HttpResponseBase:
    if request.method != "GET":
        return _error(HttpErrorCode.METHOD_NOT_ALLOWED, "Use GET.", 405)
    try:
        actor = get_host().authenticate(request)
    except AuthenticationError as error:
        return _error(HttpErrorCode.INVALID_TOKEN, str(error), 401)
    if actor.kind == ActorKind.ANONYMOUS:
        return _error(
            HttpErrorCode.UNAUTHENTICATED,
            "Send a staff user's or an app's token (Authorization: Bearer …).",
            401,
        )
    language = request.GET.get("language") or "en"
    try:
        channel = request.GET.get("channel") or None
        lines = export_time_entries(
            actor,
            since=_moment(request, "gte"),
            until=_moment(request, "lte"),
            channel_id=int_pk(channel, "Channel", "channel") if channel else None,
            language=language,
        )
    except ValidationError as error:
        return _refusal(error)
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    response = StreamingHttpResponse(
        (line.encode() for line in lines), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="helpdesk-time-{stamp}.csv"'
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
