"""The support mailboxes: `imap.py` talks IMAP, `fetch.py` takes a mailbox's new
messages in (one worker at a time, `locks.py`), `tasks.py` runs it periodically;
`push.py` guards the raw-MIME endpoint, `reply_to.py` makes our e-mails' Reply-To."""
