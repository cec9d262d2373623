import re
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase

from .. import PLUGIN_ID, __version__
from ..core.error_codes import HelpdeskErrorCode, HttpErrorCode
from ..graphql.view import handle_graphql
from .attachments import download_attachment
from .dashboard import redirect_to_dashboard, serve_dashboard
from .effort_export import export_time
from .export import export_customer_data
from .inbound import receive_raw_message, receive_webhook
from .inbound_original import download_original
from .satisfaction import survey_page

Handler = Callable[..., HttpResponseBase]

ROUTES: list[tuple[re.Pattern[str], Handler]] = []


def route(pattern: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        ROUTES.append((re.compile(pattern), handler))
        return handler

    return register


def dispatch(request: HttpRequest, path: str) -> HttpResponseBase:
    """Answer a request for `path` (the part after the plugin's prefix)."""
    normalized = "/" + path.lstrip("/")
    for pattern, handler in ROUTES:
        match = pattern.fullmatch(normalized)
        if match:
            return handler(request, **match.groupdict())
    return JsonResponse(
        {
            "error": {
                "code": HelpdeskErrorCode.NOT_FOUND.value,
                "message": f"No helpdesk endpoint at {normalized}.",
            }
        },
        status=404,
    )


@route(r"/?")
def index(request: HttpRequest) -> HttpResponse:
    if request.method not in ("GET", "HEAD"):
        return JsonResponse(
            {
                "error": {
                    "code": HttpErrorCode.METHOD_NOT_ALLOWED,
                    "message": "Use GET.",
                }
            },
            status=405,
        )
    return JsonResponse(
        {
            "plugin": PLUGIN_ID,
            "name": "Helpdesk",
            "version": __version__,
            "endpoints": {
                "graphql": "graphql/",
                "attachments": "attachments/<uuid>/",
                "inbound_email_original": "inbound-emails/<uuid>/original/",
                "privacy_export": "privacy/export/?customer=<User ID>|email=<address>",
                "dashboard": "dashboard/",
                "inbound_raw": "inbound/raw/<mailbox uuid>/",
                "inbound_webhook": "inbound/<e-mail service>/<mailbox uuid>/",
                "satisfaction_survey": "satisfaction/<signed token>/",
                "time_export": "effort/export/?gte=<ISO time>&lte=<ISO time>",
            },
        }
    )


route(r"/graphql/?")(handle_graphql)
route(r"/attachments/(?P<attachment_uuid>[0-9a-fA-F-]{36})/?")(download_attachment)
route(r"/privacy/export/?")(export_customer_data)
route(r"/effort/export/?")(export_time)
route(r"/inbound/raw/(?P<mailbox_uuid>[0-9a-fA-F-]{36})/?")(receive_raw_message)
# `mime`: Mailgun posts the raw message only to a URL that ends so.
route(r"/inbound/(?P<service>[a-z_]+)/(?P<mailbox_uuid>[0-9a-fA-F-]{36})(?:/mime)?/?")(
    receive_webhook
)
route(r"/inbound-emails/(?P<inbound_uuid>[0-9a-fA-F-]{36})/original/?")(
    download_original
)
route(r"/dashboard")(redirect_to_dashboard)
# `=`: a ticket page names the ticket by its global ID (base64).
route(r"/dashboard/(?P<asset>[-.=\w/]*)")(serve_dashboard)
# The token: Django's signing (URL-safe base64 and colons).
route(r"/satisfaction/(?P<token>[-\w:]{1,512})/?")(survey_page)
