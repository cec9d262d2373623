"""A client for the helpdesk's GraphQL endpoint, through the host's URL routing."""

import json

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from saleor_helpdesk import PLUGIN_ID
from tests.factories import access_token_for, grant

URL = f"/plugins/global/{PLUGIN_ID}/graphql/"
INDEX_URL = f"/plugins/global/{PLUGIN_ID}/"


class Api:
    def __init__(self, token: str | None = None) -> None:
        self.client = Client()
        self.token = token

    def post(self, query: str, variables: dict | None = None, **extra):
        headers = {"HTTP_AUTHORIZATION": f"Bearer {self.token}"} if self.token else {}
        return self.client.post(
            URL,
            data=json.dumps({"query": query, "variables": variables or {}}),
            content_type="application/json",
            **headers,
            **extra,
        )

    def post_files(self, query: str, variables: dict, files: dict):
        """A GraphQL multipart request: `files` maps a variable path
        (`input.attachments.0`) to a file, which the server puts where the variables
        hold null."""
        headers = {"HTTP_AUTHORIZATION": f"Bearer {self.token}"} if self.token else {}
        data = {
            "operations": json.dumps({"query": query, "variables": variables}),
            "map": json.dumps(
                {str(i): [f"variables.{path}"] for i, path in enumerate(files)}
            ),
        }
        data.update({str(i): file for i, file in enumerate(files.values())})
        return self.client.post(URL, data=data, **headers)

    def __call__(self, query: str, variables: dict | None = None) -> dict:
        response = self.post(query, variables)
        assert response.status_code == 200, response.content
        body = response.json()
        assert "errors" not in body, body["errors"]
        return body["data"]


@pytest.fixture
def anonymous_api(db):
    return Api()


@pytest.fixture
def customer_api(customer):
    return Api(access_token_for(customer))


@pytest.fixture
def staff_api(staff_user):
    grant(staff_user, "MANAGE_ORDERS")
    return Api(access_token_for(staff_user))


@pytest.fixture
def routing_queries(db) -> int:
    """Queries the host spends routing a request to the plugin before the helpdesk's
    code runs (none on the stand-in host; Saleor reads the plugin's configuration).
    "Before any database query" means: nothing beyond this."""
    Client().get(INDEX_URL)  # warm-up: per-process caches of the host
    with CaptureQueriesContext(connection) as captured:
        Client().get(INDEX_URL)
    return len(captured.captured_queries)
