"""The Saleor permissions the helpdesk relies on.

Saleor's permission list is closed: a plugin cannot add its own. Staff work tickets with
MANAGE_ORDERS, refund with HANDLE_PAYMENTS, see customer data with MANAGE_USERS and edit
the helpdesk's settings with MANAGE_PLUGINS (or MANAGE_APPS for app registration). Finer
roles (support team, responsible person) live in the helpdesk's own tables.
"""

from enum import StrEnum


class Perm(StrEnum):
    MANAGE_ORDERS = "MANAGE_ORDERS"
    HANDLE_PAYMENTS = "HANDLE_PAYMENTS"
    MANAGE_USERS = "MANAGE_USERS"
    MANAGE_PLUGINS = "MANAGE_PLUGINS"
    MANAGE_APPS = "MANAGE_APPS"
