"""The Dashboard extension's files (`dashboard_extension/`, built by npm into
`saleor_helpdesk/dashboard_build/`), served at `…/saleor.helpdesk/dashboard/`.

The Dashboard shows these pages in an iframe, so they may be framed; the token comes
from the Dashboard through AppBridge, never from a cookie, so framing gives nothing
away. Asset names carry a content hash: cached for a year; `index.html` is never cached,
so a new build is picked up at once.
"""

import mimetypes

from django.http import (
    FileResponse,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    JsonResponse,
)
from django.http.response import HttpResponseBase
from django.views.decorators.clickjacking import xframe_options_exempt

from ..core.error_codes import HelpdeskErrorCode, HttpErrorCode
from ..dashboard import files as dashboard_files
from ..dashboard.app import is_entry_page

mimetypes.add_type("application/javascript", ".js")
mimetypes.add_type("font/woff2", ".woff2")


def _not_built() -> JsonResponse:
    return JsonResponse(
        {
            "error": {
                "code": HttpErrorCode.NOT_BUILT,
                "message": "The Dashboard extension is not built into this "
                f"installation. {dashboard_files.HOW_TO_BUILD}",
            }
        },
        status=404,
    )


def _only_get() -> JsonResponse:
    return JsonResponse(
        {"error": {"code": HttpErrorCode.METHOD_NOT_ALLOWED, "message": "Use GET."}},
        status=405,
    )


@xframe_options_exempt
def redirect_to_dashboard(request: HttpRequest) -> HttpResponseBase:
    """`…/dashboard` → `…/dashboard/`, keeping the query.

    The Dashboard joins an app page's URL onto `app_url` with a helper that drops the
    trailing slash, so the inbox page is asked for as `…/dashboard?domain=…&id=…`
    (seen in Saleor Dashboard 3.23). The page's assets are relative (`./assets/…`), so
    it must load from the folder's URL; AppBridge reads `domain`, `saleorApiUrl` and
    `id` from the query, so the query goes along. Relative, so that a proxy that mounts
    Saleor below a path prefix keeps working.
    """
    if request.method not in ("GET", "HEAD"):
        return _only_get()
    query = request.META.get("QUERY_STRING", "")
    response = HttpResponseRedirect("dashboard/" + (f"?{query}" if query else ""))
    # AppBridge takes the Dashboard's origin from `document.referrer` and ignores
    # every message from any other origin. A redirect's own Referrer-Policy decides
    # the referrer of the request it leads to, and Saleor's default (`same-origin`)
    # would strip it whenever the Dashboard is on another origin than Saleor: the
    # page would never get its token. The origin alone is all AppBridge needs.
    response["Referrer-Policy"] = "strict-origin-when-cross-origin"
    return response


def _page_at_depth(html: bytes, depth: int) -> bytes:
    """The page for an entry page `depth` folders below the build (`tickets/<id>`: 1).

    The build refers to its assets relatively (`./assets/…`, so it works below any
    prefix); from a nested page they are that many folders up. Only the page's own
    references need it: scripts and styles resolve theirs from their own URLs."""
    if not depth:
        return html
    return html.replace(b'="./', b'="' + b"../" * depth)


@xframe_options_exempt
def serve_dashboard(request: HttpRequest, asset: str = "") -> HttpResponseBase:
    if request.method not in ("GET", "HEAD"):
        return _only_get()
    root = dashboard_files.BUILD_DIR.resolve()
    # The Dashboard loads each extension at a page of its own (`dashboard_app`): all
    # are the one page, which reads its first screen from the path.
    if not asset or asset == "index.html" or is_entry_page(asset):
        index = root / "index.html"
        if dashboard_files.missing_build(root):
            return _not_built()
        response: HttpResponseBase = HttpResponse(
            _page_at_depth(index.read_bytes(), asset.strip("/").count("/")),
            content_type="text/html; charset=utf-8",
        )
        response["Cache-Control"] = "no-cache"
        return response
    path = (root / asset).resolve()
    # Only files inside the build folder: `..` or symlinks out of it are not found.
    if root not in path.parents or not path.is_file():
        return JsonResponse(
            {
                "error": {
                    "code": HelpdeskErrorCode.NOT_FOUND.value,
                    "message": "No such file.",
                }
            },
            status=404,
        )
    content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    response = FileResponse(path.open("rb"), content_type=content_type)
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    response["X-Content-Type-Options"] = "nosniff"
    return response
