"""Downloading everything the helpdesk holds about one customer (GDPR art. 15/20):
`GET privacy/export/?customer=<User ID>` or `?email=<address>`, with the caller's
Bearer token; staff (or apps) with MANAGE_USERS and MANAGE_ORDERS in every channel.

A streamed zip (see `privacy/export.py`): nothing is buffered whole, whatever the
customer holds.
"""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import HttpRequest, JsonResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.utils import timezone

from ..actions.privacy import find_person, require_exporter
from ..core.actor import ActorKind
from ..core.error_codes import HelpdeskErrorCode, HttpErrorCode
from ..graphql.core.ids import int_pk
from ..host import AuthenticationError, get_host
from ..privacy.export import export_person

_STATUS = {
    HelpdeskErrorCode.PERMISSION_DENIED.value: 403,
    HelpdeskErrorCode.NOT_FOUND.value: 404,
}


def _error(
    code: str, message: str, status: int, field: str | None = None
) -> JsonResponse:
    error = {"code": code, "message": message}
    if field:
        error["field"] = field
    return JsonResponse({"error": error}, status=status)


def _refusal(error: ValidationError) -> JsonResponse:
    items = (
        list(error.error_dict.items())
        if hasattr(error, "error_dict")
        else [(NON_FIELD_ERRORS, error.error_list)]
    )
    field, details = items[0]
    detail = details[0]
    code = detail.code or HelpdeskErrorCode.INVALID.value
    return _error(
        code,
        str(detail.message % detail.params if detail.params else detail.message),
        _STATUS.get(code, 400),
        None if field == NON_FIELD_ERRORS else field,
    )


def export_customer_data(request: HttpRequest) -> HttpResponseBase:
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
    try:
        require_exporter(actor)
        customer = request.GET.get("customer") or None
        person = find_person(
            int_pk(customer, "User", "customer") if customer else None,
            request.GET.get("email") or None,
        )
    except ValidationError as error:
        return _refusal(error)
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    response = StreamingHttpResponse(
        export_person(person), content_type="application/zip"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="helpdesk-export-{stamp}.zip"'
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
