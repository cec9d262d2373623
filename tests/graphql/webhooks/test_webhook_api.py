"""The webhook API: who may call each operation (anonymous, customer, staff without the
permission, staff with MANAGE_PLUGINS or MANAGE_APPS), and what it does."""

import hashlib
import hmac

import pytest
from graphene.relay import Node

from saleor_helpdesk.models import WebhookDelivery, WebhookSubscription
from saleor_helpdesk.tasks import retry_due_deliveries
from tests.factories import make_ticket
from tests.graphql.webhooks import operations as op

REFUSED = ["anonymous", "customer", "staff_without_permission"]
ALLOWED = ["staff_with_manage_plugins", "staff_with_manage_apps"]
# Creating a subscription also needs MANAGE_ORDERS: it sends what its creator may read
# (test_webhook_scope.py has those callers).
READS_TICKETS = {"webhookSubscriptionCreate"}
DENIED_MESSAGE = (
    "You need the MANAGE_APPS or MANAGE_PLUGINS permission to manage the helpdesk's "
    "webhooks."
)


def gid(type_name, pk):
    return Node.to_global_id(type_name, str(pk))


@pytest.fixture
def hook(db):
    return WebhookSubscription.objects.create(
        name="ERP",
        target_url="https://erp.example.com/hooks",
        events=["ticket.created"],
        secret="s3cret",
        reader_kind="system",
    )


@pytest.fixture
def failed_delivery(hook):
    make_ticket()
    delivery = WebhookDelivery.objects.get()
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        status="failed", attempts=6, next_attempt_at=None
    )
    return delivery


def snapshot():
    return (
        list(WebhookSubscription.objects.order_by("pk").values()),
        list(WebhookDelivery.objects.order_by("pk").values()),
    )


QUERIES = {
    "webhookSubscriptions": (op.WEBHOOK_SUBSCRIPTIONS, lambda r: {}),
    "webhookSubscription": (
        op.WEBHOOK_SUBSCRIPTION,
        lambda r: {"id": gid("HelpdeskWebhookSubscription", r["hook"].pk)},
    ),
    "webhookTopics": (op.WEBHOOK_TOPICS, lambda r: {}),
}

MUTATIONS = {
    "webhookSubscriptionCreate": (
        op.CREATE,
        lambda r: {
            "input": {
                "name": "New",
                "targetUrl": "https://93.184.215.14/hooks",
                "events": ["ticket.created"],
            }
        },
    ),
    "webhookSubscriptionUpdate": (
        op.UPDATE,
        lambda r: {
            "id": gid("HelpdeskWebhookSubscription", r["hook"].pk),
            "input": {"name": "Renamed"},
        },
    ),
    "webhookSubscriptionDelete": (
        op.DELETE,
        lambda r: {"id": gid("HelpdeskWebhookSubscription", r["hook"].pk)},
    ),
    "webhookDeliveryRedeliver": (
        op.REDELIVER,
        lambda r: {"id": gid("HelpdeskWebhookDelivery", r["delivery"].pk)},
    ),
}


@pytest.fixture
def rows(hook, failed_delivery):
    return {"hook": hook, "delivery": failed_delivery}


@pytest.mark.parametrize("caller", REFUSED)
@pytest.mark.parametrize("name", list(QUERIES))
def test_queries_are_refused_without_the_permission(api_for, rows, caller, name):
    query, variables = QUERIES[name]

    response = api_for(caller).post(query, variables(rows))

    body = response.json()
    assert body["data"] == {name: None}
    [error] = body["errors"]
    assert error["message"] == DENIED_MESSAGE
    assert error["extensions"]["code"] == "PERMISSION_DENIED"


@pytest.mark.parametrize("caller", ALLOWED)
@pytest.mark.parametrize("name", list(QUERIES))
def test_queries_answer_with_the_permission(api_for, rows, caller, name):
    query, variables = QUERIES[name]

    data = api_for(caller)(query, variables(rows))

    assert data[name]


@pytest.mark.parametrize("caller", REFUSED)
@pytest.mark.parametrize("name", list(MUTATIONS))
def test_mutations_are_refused_without_the_permission(api_for, rows, caller, name):
    mutation, variables = MUTATIONS[name]
    before = snapshot()

    payload = api_for(caller)(mutation, variables(rows))[name]

    assert payload["errors"] == [
        {"field": None, "code": "PERMISSION_DENIED", "message": DENIED_MESSAGE}
    ]
    assert snapshot() == before


@pytest.mark.parametrize("caller", ALLOWED)
@pytest.mark.parametrize("name", list(MUTATIONS))
def test_mutations_succeed_with_the_permission(
    api_for, rows, caller, name, monkeypatch
):
    from saleor_helpdesk.webhooks import transport

    # a public address that answers nothing here: resolution only
    monkeypatch.setattr(
        transport.socket,
        "getaddrinfo",
        lambda host, port, *a, **k: [(2, 1, 6, "", ("93.184.215.14", port))],
    )
    mutation, variables = MUTATIONS[name]
    if name in READS_TICKETS:
        caller = f"{caller}_and_orders"

    payload = api_for(caller)(mutation, variables(rows))[name]

    assert payload["errors"] == []


def test_create_returns_the_secret_once_and_the_subscription(
    manager_api, channel, receiver_url
):
    payload = manager_api(
        op.CREATE,
        {
            "input": {
                "name": " ERP ",
                "targetUrl": receiver_url,
                "events": ["ticket.created", "comment.created"],
                "channels": [channel.slug],
                "includeInternalComments": True,
            }
        },
    )["webhookSubscriptionCreate"]

    assert payload["errors"] == []
    subscription = WebhookSubscription.objects.get()
    assert payload["secret"] == subscription.secret
    assert len(payload["secret"]) >= 32
    assert payload["subscription"] == {
        "id": gid("HelpdeskWebhookSubscription", subscription.pk),
        "name": "ERP",
        "targetUrl": receiver_url,
        "events": ["ticket.created", "comment.created"],
        "channels": [channel.slug],
        "isActive": True,
        "includeInternalComments": True,
        "signing": "HMAC",
        "suspendedReason": None,
    }
    assert subscription.channel_ids == [channel.pk]
    # the secret is never readable again
    data = manager_api(op.WEBHOOK_SUBSCRIPTIONS)
    assert "secret" not in str(data)


@pytest.fixture
def receiver_url(settings):
    settings.HELPDESK_WEBHOOKS_ALLOW_LOOPBACK = True
    return "http://127.0.0.1:9/hooks"


@pytest.mark.parametrize(
    ("given", "field", "code"),
    [
        ({"targetUrl": "http://10.0.0.1/"}, "targetUrl", "WEBHOOK_TARGET_NOT_ALLOWED"),
        ({"targetUrl": "http://localhost/"}, "targetUrl", "WEBHOOK_TARGET_NOT_ALLOWED"),
        ({"events": ["ticket.exploded"]}, "events", "UNKNOWN_WEBHOOK_TOPIC"),
        ({"events": []}, "events", "REQUIRED"),
        ({"channels": ["nowhere"]}, "channels", "NOT_FOUND"),
        ({"name": "  "}, "name", "REQUIRED"),
    ],
)
def test_create_refuses_bad_input(manager_api, given, field, code):
    variables = {
        "input": {
            "name": "ERP",
            "targetUrl": "http://93.184.215.14/",
            "events": ["ticket.created"],
            **given,
        }
    }

    payload = manager_api(op.CREATE, variables)["webhookSubscriptionCreate"]

    [error] = payload["errors"]
    assert (error["field"], error["code"]) == (field, code)
    assert payload["secret"] is None
    assert not WebhookSubscription.objects.exists()


def test_update_changes_only_what_is_sent(manager_api, hook):
    payload = manager_api(
        op.UPDATE,
        {
            "id": gid("HelpdeskWebhookSubscription", hook.pk),
            "input": {"isActive": False, "signing": "SALEOR"},
        },
    )["webhookSubscriptionUpdate"]

    assert payload["errors"] == []
    assert payload["subscription"]["isActive"] is False
    assert payload["subscription"]["signing"] == "SALEOR"
    assert payload["subscription"]["name"] == "ERP"
    hook.refresh_from_db()
    assert hook.target_url == "https://erp.example.com/hooks"
    assert hook.secret == "s3cret"


def test_delete_removes_the_subscription_and_its_deliveries(
    manager_api, hook, failed_delivery
):
    payload = manager_api(
        op.DELETE, {"id": gid("HelpdeskWebhookSubscription", hook.pk)}
    )["webhookSubscriptionDelete"]

    assert payload["subscription"]["name"] == "ERP"
    assert not WebhookSubscription.objects.exists()
    assert not WebhookDelivery.objects.exists()


def test_unknown_ids_are_not_found(manager_api):
    missing = gid("HelpdeskWebhookSubscription", 999999)
    for mutation, variables in (
        (op.UPDATE, {"id": missing, "input": {"name": "x"}}),
        (op.DELETE, {"id": missing}),
        (op.REDELIVER, {"id": gid("HelpdeskWebhookDelivery", 999999)}),
    ):
        [payload] = manager_api(mutation, variables).values()
        assert [(e["field"], e["code"]) for e in payload["errors"]] == [
            ("id", "NOT_FOUND")
        ]
    assert manager_api(op.WEBHOOK_SUBSCRIPTION, {"id": missing}) == {
        "webhookSubscription": None
    }


def test_the_subscription_shows_its_deliveries_and_attempts_and_redelivers(
    manager_api, settings, django_capture_on_commit_callbacks
):
    settings.HELPDESK_WEBHOOKS_ALLOW_LOOPBACK = True
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    seen = []
    statuses = [500]

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            seen.append((dict(self.headers.items()), body))
            self.send_response(statuses.pop(0) if statuses else 204)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/in"
        created = manager_api(
            op.CREATE,
            {"input": {"name": "ERP", "targetUrl": url, "events": ["ticket.created"]}},
        )["webhookSubscriptionCreate"]
        secret = created["secret"]
        with django_capture_on_commit_callbacks(execute=True):
            make_ticket()

        data = manager_api(
            op.WEBHOOK_SUBSCRIPTION, {"id": created["subscription"]["id"]}
        )["webhookSubscription"]
        [edge] = data["deliveries"]["edges"]
        delivery = edge["node"]
        assert data["deliveries"]["totalCount"] == 1
        assert delivery["status"] == "PENDING"
        assert delivery["lastStatusCode"] == 500
        assert delivery["attemptLog"] == [
            {
                "number": 1,
                "statusCode": 500,
                "durationMs": delivery["lastDurationMs"],
                "responseExcerpt": "",
                "error": "",
            }
        ]
        # a pending delivery is queued already
        [refused] = manager_api(op.REDELIVER, {"id": delivery["id"]})[
            "webhookDeliveryRedeliver"
        ]["errors"]
        assert refused["code"] == "INVALID"

        WebhookDelivery.objects.update(status="failed", next_attempt_at=None)
        with django_capture_on_commit_callbacks(execute=True):
            payload = manager_api(op.REDELIVER, {"id": delivery["id"]})[
                "webhookDeliveryRedeliver"
            ]
        assert payload["errors"] == []
        assert payload["delivery"]["eventId"] == delivery["eventId"]
        retry_due_deliveries()
    finally:
        server.shutdown()
        server.server_close()

    assert WebhookDelivery.objects.get().status == "succeeded"
    assert len(seen) == 2
    for headers, body in seen:
        assert headers["X-Helpdesk-Event-Id"] == delivery["eventId"]
        signed = (
            f"{headers['X-Helpdesk-Timestamp']}.{headers['X-Helpdesk-Event-Id']}."
        ).encode() + body
        assert hmac.compare_digest(
            hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest(),
            headers["X-Helpdesk-Signature"],
        )


def test_topics_are_listed(manager_api):
    names = [t["name"] for t in manager_api(op.WEBHOOK_TOPICS)["webhookTopics"]]

    assert "ticket.created" in names
    assert "refund.completed" in names
