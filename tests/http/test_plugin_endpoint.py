"""The plugin's HTTP surface below /plugins/global/saleor.helpdesk/, over real HTTP."""

from saleor_helpdesk import __version__
from tests.http.conftest import http


def test_the_index_describes_the_plugin(plugin_url):
    # when a client asks the plugin's index
    reply = http(plugin_url)

    # then it names the plugin and its endpoints
    assert reply.status == 200
    assert reply.json() == {
        "plugin": "saleor.helpdesk",
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


def test_head_on_the_index_answers_without_a_body(plugin_url):
    # when a client sends HEAD to the index
    reply = http(plugin_url, method="HEAD")

    # then it is answered like GET, without a body
    assert reply.status == 200
    assert reply.body == b""


def test_an_unknown_path_below_the_plugin_is_a_json_404(plugin_url):
    # when a client asks for a path the plugin does not serve
    reply = http(f"{plugin_url}tickets/export.csv")

    # then the plugin answers 404 with a typed error
    assert reply.status == 404
    assert reply.json() == {
        "error": {
            "code": "not_found",
            "message": "No helpdesk endpoint at /tickets/export.csv.",
        }
    }


def test_a_path_that_only_starts_like_an_attachment_is_a_json_404(plugin_url):
    # when a client asks for an attachment id that is not 36 characters long
    reply = http(f"{plugin_url}attachments/1/")

    # then no route matches
    assert reply.status == 404
    assert reply.json()["error"]["code"] == "not_found"


def test_another_plugins_id_is_not_the_helpdesk(live_server):
    # when a client asks below another plugin's prefix
    reply = http(f"{live_server.url}/plugins/global/mirumee.payments.stripe/")

    # then the helpdesk does not answer it
    assert reply.status == 404
    assert reply.body == b""


def test_post_to_the_index_is_not_allowed(plugin_url):
    # when a client POSTs to the index
    reply = http(plugin_url, method="POST", data=b"{}")

    # then it is told to use GET
    assert reply.status == 405
    assert reply.json() == {
        "error": {"code": "method_not_allowed", "message": "Use GET."}
    }
