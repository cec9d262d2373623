"""E-mails to customers and staff, planned from the ticket timeline.

- `kinds.py`: the notifications (what can be mailed, to whom).
- `defaults.py`: the shipped German and English texts.
- `render.py`: the placeholders e-mails may use and the safe renderer.
- `planner.py`: turns timeline events into outbox rows, inside the action's transaction.
- `forward.py`: the outbox row of a ticket forwarded to an outside address.
- `messages.py`: renders one message (language, sender, texts, signature, headers).
- `headers.py`: Message-ID, threading headers, the subject token, header cleaning.
- `sending.py`: claims due outbox rows and sends them, with retries.
- `texts.py`, `templates.py`: which text is sent (the merchant's or the shipped one), the
  list of texts and their preview; the merchant's writes are `actions/config/emails.py`.
"""
