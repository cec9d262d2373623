"""Mailboxes the helpdesk reads e-mail from."""
