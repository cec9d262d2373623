"""Write paths of the helpdesk's configuration, one module per topic.

Each action authorises first (MANAGE_PLUGINS, see `common`), validates, and changes
state inside one transaction that locks what concurrent edits collide on. Refusals are
`ValidationError`s keyed by field with a `HelpdeskErrorCode`; a refused edit writes
nothing.
"""

from .categories import (
    CategoryFields,
    create_category,
    delete_category,
    update_category,
)
from .channel_settings import (
    ChannelSettingsFields,
    EffectiveSettings,
    read_channel_settings,
    update_channel_settings,
)
from .common import can_read_settings, require_settings_manager, require_settings_reader
from .contacts import ContactFields, create_contact, delete_contact, update_contact
from .emails import EmailTemplateFields, delete_email_template, update_email_template
from .mailboxes import (
    ConnectionResult,
    CreatedMailbox,
    MailboxFields,
    RotatedSecret,
    check_mailbox_connection,
    create_mailbox,
    delete_mailbox,
    disable_mailbox,
    enable_mailbox,
    rotate_push_secret,
    update_mailbox,
)
from .priorities import (
    PriorityFields,
    create_priority,
    delete_priority,
    update_priority,
)
from .statuses import (
    StatusFields,
    create_status,
    create_transition,
    delete_status,
    delete_transition,
    update_status,
)
from .team import (
    AgentFields,
    add_support_agent,
    remove_support_agent,
    set_customer_responsible,
    support_agent_candidates,
    update_support_agent,
)
from .templates import (
    RenderedTemplate,
    TemplateFields,
    create_template,
    delete_template,
    preview_template,
    update_template,
)

__all__ = [
    "AgentFields",
    "CategoryFields",
    "ChannelSettingsFields",
    "ConnectionResult",
    "ContactFields",
    "CreatedMailbox",
    "EffectiveSettings",
    "EmailTemplateFields",
    "MailboxFields",
    "PriorityFields",
    "RenderedTemplate",
    "RotatedSecret",
    "StatusFields",
    "TemplateFields",
    "add_support_agent",
    "can_read_settings",
    "check_mailbox_connection",
    "create_category",
    "create_contact",
    "create_mailbox",
    "create_priority",
    "create_status",
    "create_template",
    "create_transition",
    "delete_category",
    "delete_contact",
    "delete_email_template",
    "delete_mailbox",
    "delete_priority",
    "delete_status",
    "delete_template",
    "delete_transition",
    "disable_mailbox",
    "enable_mailbox",
    "preview_template",
    "read_channel_settings",
    "remove_support_agent",
    "require_settings_manager",
    "require_settings_reader",
    "rotate_push_secret",
    "set_customer_responsible",
    "support_agent_candidates",
    "update_category",
    "update_channel_settings",
    "update_contact",
    "update_email_template",
    "update_mailbox",
    "update_priority",
    "update_status",
    "update_support_agent",
    "update_template",
]
