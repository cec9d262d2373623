"""Route `/plugins/global/<plugin_id>/…` to the helpdesk as Saleor's plugin manager does:
the plugin receives the request and the path below its prefix."""

from django.http import HttpRequest, HttpResponse, HttpResponseNotFound
from django.views.decorators.csrf import csrf_exempt

from saleor_helpdesk import PLUGIN_ID
from saleor_helpdesk.http import dispatch


@csrf_exempt
def handle_plugin_webhook(request: HttpRequest, plugin_id: str) -> HttpResponse:
    if plugin_id != PLUGIN_ID:
        return HttpResponseNotFound()
    prefix = f"/plugins/global/{plugin_id}"
    return dispatch(request, request.path[len(prefix) :])
