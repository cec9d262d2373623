"""Where messages are pushed to a mailbox, below the plugin's prefix
(`/plugins/global/<PLUGIN_ID>`): the raw-MIME endpoint, and one inbound webhook per
e-mail service that django-anymail reads. The merchant copies these URLs into the
mail server or the service's console; the API shows them absolute.
"""

from uuid import UUID

# The e-mail services whose inbound webhooks anymail verifies and reads, by the name
# anymail gives them (`anymail/urls.py`); `http/inbound/services.py` serves exactly
# these (a test keeps the two in step).
INBOUND_ESPS = (
    "amazon_ses",
    "brevo",
    "mailersend",
    "mailgun",
    "mailjet",
    "mailtrap",
    "mandrill",
    "postal",
    "postmark",
    "resend",
    "sendgrid",
    "sparkpost",
)


def raw_push_path(mailbox_uuid: UUID) -> str:
    return f"/inbound/raw/{mailbox_uuid}/"


def esp_push_path(esp: str, mailbox_uuid: UUID) -> str:
    return f"/inbound/{esp}/{mailbox_uuid}/"


def original_path(inbound_uuid: UUID) -> str:
    """Where staff download a message as it arrived (`http/inbound_original.py`)."""
    return f"/inbound-emails/{inbound_uuid}/original/"
