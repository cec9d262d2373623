"""Callers of the e-mail text API."""

import pytest

from tests.factories import StaffFactory, access_token_for, grant, make_ticket
from tests.graphql.conftest import Api

TEMPLATES = """
query Templates($notification: EmailNotificationEnum, $languageCode: String) {
  emailTemplates(notification: $notification, languageCode: $languageCode) {
    notification languageCode subject body isActive isCustomized placeholders
  }
}
"""
PLACEHOLDERS = "query { emailTemplatePlaceholders { name description } }"
PREVIEW = """
query Preview($notification: EmailNotificationEnum!, $languageCode: String!, $ticket: ID!) {
  emailTemplatePreview(notification: $notification, languageCode: $languageCode,
                       ticket: $ticket) { subject html text }
}
"""
UPDATE = """
mutation Update($notification: EmailNotificationEnum!, $languageCode: String!,
                $input: EmailTemplateInput!) {
  emailTemplateUpdate(notification: $notification, languageCode: $languageCode,
                      input: $input) {
    errors { field code message }
    emailTemplate { notification languageCode subject body isActive isCustomized }
  }
}
"""
DELETE = """
mutation Delete($notification: EmailNotificationEnum!, $languageCode: String!) {
  emailTemplateDelete(notification: $notification, languageCode: $languageCode) {
    errors { field code message }
    emailTemplate { subject isCustomized }
  }
}
"""


@pytest.fixture
def manager(db):
    """Staff who may change settings and work tickets (to preview on one)."""
    user = StaffFactory(email="admin@shop.example", first_name="Ada", last_name="Admin")
    grant(user, "MANAGE_PLUGINS")
    grant(user, "MANAGE_ORDERS")
    return user


@pytest.fixture
def api_for(db, customer, staff_user, manager):
    def make(caller: str) -> Api:
        if caller == "anonymous":
            return Api()
        if caller == "customer":
            return Api(access_token_for(customer))
        if caller == "staff_without_permission":
            return Api(access_token_for(StaffFactory(email="intern@shop.example")))
        if caller == "staff_with_manage_orders":
            grant(staff_user, "MANAGE_ORDERS")
            return Api(access_token_for(staff_user))
        if caller == "staff_with_manage_plugins":
            return Api(access_token_for(manager))
        raise AssertionError(caller)

    return make


@pytest.fixture
def ticket(customer_actor, order):
    return make_ticket(
        customer_actor,
        subject="Becher <b>kaputt</b> & {{ shop.name }}",
        order_id=order.pk,
    )
