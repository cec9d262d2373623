"""POST a GraphQL request through Saleor's URL routing, as a client would."""

from django.test import Client

SALEOR_API = "/graphql/"
HELPDESK_API = "/plugins/global/saleor.helpdesk/graphql/"


def post_graphql(url: str, query: str, variables: dict, token: str) -> dict:
    response = Client().post(
        url,
        {"query": query, "variables": variables},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert "errors" not in body, body["errors"]
    return body["data"]
