"""Mailboxes the helpdesk reads e-mail from: `imap.py` talks IMAP, `fetch.py` takes
a mailbox's new messages in (one worker at a time, `locks.py`), `tasks.py` runs it
periodically."""
