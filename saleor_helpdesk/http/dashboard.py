"""The Dashboard extension's files (`dashboard_extension/`, built by npm into
`saleor_helpdesk/dashboard_build/`), served at `…/saleor.helpdesk/dashboard/`.

The Dashboard shows these pages in an iframe, so they may be framed; the token comes
from the Dashboard through AppBridge, never from a cookie, so framing gives nothing
away. Asset names carry a content hash: cached for a year; `index.html` is never cached,
so a new build is picked up at once.
"""

import mimetypes
from pathlib import Path

from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.views.decorators.clickjacking import xframe_options_exempt

BUILD_DIR = Path(__file__).resolve().parent.parent / "dashboard_build"

mimetypes.add_type("application/javascript", ".js")
mimetypes.add_type("font/woff2", ".woff2")


def _not_built() -> JsonResponse:
    return JsonResponse(
        {
            "error": {
                "code": "not_built",
                "message": "The dashboard extension is not built: run "
                "`npm ci && npm run build` in dashboard_extension/.",
            }
        },
        status=404,
    )


@xframe_options_exempt
def serve_dashboard(request: HttpRequest, asset: str = "") -> HttpResponseBase:
    if request.method not in ("GET", "HEAD"):
        return JsonResponse(
            {"error": {"code": "method_not_allowed", "message": "Use GET."}}, status=405
        )
    root = BUILD_DIR.resolve()
    if not asset or asset == "index.html":
        index = root / "index.html"
        if not index.is_file():
            return _not_built()
        response: HttpResponseBase = HttpResponse(
            index.read_bytes(), content_type="text/html; charset=utf-8"
        )
        response["Cache-Control"] = "no-cache"
        return response
    path = (root / asset).resolve()
    # Only files inside the build folder: `..` or symlinks out of it are not found.
    if root not in path.parents or not path.is_file():
        return JsonResponse(
            {"error": {"code": "not_found", "message": "No such file."}}, status=404
        )
    content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    response = FileResponse(path.open("rb"), content_type=content_type)
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    response["X-Content-Type-Options"] = "nosniff"
    return response
