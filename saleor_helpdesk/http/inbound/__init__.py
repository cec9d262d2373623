"""E-mail pushed to a mailbox over HTTP, besides the mailboxes the helpdesk fetches
over IMAP: an e-mail service's inbound webhook (`webhooks.py`, through anymail, with
the secrets of `services.py`) and a raw message from a mail server (`raw.py`). Both
hand the message to `actions.inbound.receive_email`, as the IMAP fetch does."""

from .raw import receive_raw_message
from .webhooks import receive_webhook

__all__ = ["receive_raw_message", "receive_webhook"]
