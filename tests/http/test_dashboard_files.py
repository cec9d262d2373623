"""The Dashboard extension's build, served by the plugin under `…/dashboard/`."""

import pytest
from django.test import Client

from saleor_helpdesk.dashboard import files as dashboard_files

URL = "/plugins/global/saleor.helpdesk/dashboard/"


@pytest.fixture
def build(tmp_path, monkeypatch):
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text('<script src="./assets/app-1a2b.js"></script>')
    (tmp_path / "assets" / "app-1a2b.js").write_text("console.log('helpdesk')")
    (tmp_path.parent / "secret.txt").write_text("not for you")
    monkeypatch.setattr(dashboard_files, "BUILD_DIR", tmp_path)
    return tmp_path


def test_the_page_is_served_uncached_and_may_be_framed_by_the_dashboard(build):
    response = Client().get(URL)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response["Cache-Control"] == "no-cache"
    assert "X-Frame-Options" not in response
    assert b"./assets/app-1a2b.js" in response.content


def test_hashed_assets_are_cached_for_good(build):
    response = Client().get(URL + "assets/app-1a2b.js")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/javascript"
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert b"".join(response.streaming_content) == b"console.log('helpdesk')"


@pytest.mark.parametrize(
    "path", ["assets/missing.js", "../secret.txt", "assets/../../secret.txt", "assets/"]
)
def test_nothing_outside_the_build_is_served(build, path):
    response = Client().get(URL + path)

    assert response.status_code == 404
    assert b"not for you" not in response.content


def test_a_missing_build_says_how_to_make_it(tmp_path, monkeypatch):
    monkeypatch.setattr(dashboard_files, "BUILD_DIR", tmp_path / "nothing")

    response = Client().get(URL)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_built"
    assert "npm ci && npm run build" in response.json()["error"]["message"]


def test_only_get(build):
    assert Client().post(URL).status_code == 405


def test_the_page_asked_for_without_its_slash_redirects_with_the_query(build):
    # Saleor's Dashboard loads an app page from `app_url` joined with the page's path,
    # and its URL join drops the trailing slash: `…/dashboard?domain=…&id=…`.
    query = "domain=localhost%3A8000&saleorApiUrl=http%3A%2F%2Flocalhost%3A8000%2Fgraphql%2F&id=QXBwOjE%3D"
    client = Client()

    response = client.get(URL.rstrip("/") + "?" + query)

    assert response.status_code == 302
    assert response["Location"] == "dashboard/?" + query
    assert "X-Frame-Options" not in response
    # The Dashboard's origin must reach the page as its referrer (AppBridge needs it).
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    followed = client.get(URL + "?" + query)
    assert followed.status_code == 200
    assert b"./assets/app-1a2b.js" in followed.content


def test_the_slashless_page_without_a_query_redirects_to_the_folder(build):
    response = Client().get(URL.rstrip("/"))

    assert response.status_code == 302
    assert response["Location"] == "dashboard/"
    assert Client().post(URL.rstrip("/")).status_code == 405


@pytest.mark.parametrize(
    ("page", "assets"),
    [
        ("inbox", b"./assets/app-1a2b.js"),
        ("order-widget", b"./assets/app-1a2b.js"),
        ("customer-widget", b"./assets/app-1a2b.js"),
        ("inbox/", b"./assets/app-1a2b.js"),
        # A ticket a widget opens on the app page: one folder down.
        ("tickets/VGlja2V0OjE%3D", b'"../assets/app-1a2b.js"'),
    ],
)
def test_each_extension_loads_at_a_page_of_its_own(build, page, assets):
    # The Dashboard appends its query (saleorApiUrl, id, orderId, …) to an extension's
    # URL; each extension has a path of its own so that query stays a real query.
    query = "saleorApiUrl=http%3A%2F%2Flocalhost%3A8000%2Fgraphql%2F&orderId=T3JkZXI6MQ%3D%3D"

    response = Client().get(f"{URL}{page}?{query}")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response["Cache-Control"] == "no-cache"
    assert assets in response.content


@pytest.mark.parametrize("page", ["statistics", "tickets/", "tickets/a/b", "inboxes"])
def test_an_unknown_page_is_not_the_app(build, page):
    assert Client().get(URL + page).status_code == 404
