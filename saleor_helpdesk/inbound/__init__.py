"""E-mail in: what an inbound message says, read by pure functions over its bytes.

No database, no GraphQL, no Saleor here: the mailbox fetch and the webhooks hand raw
bytes to these functions and act on the answers through `actions/`.

- `message.py`: raw bytes to an `InboundMessage` (headers, text, HTML, attachments),
  any charset and transfer encoding decoded; never raises.
- `machines.py`: auto-replies, out-of-office notes, bounces, reports and bulk mail, and
  the e-mail of ours a bounce reports.
- `threading.py`: the ways a reply names its ticket (signed reply address, our
  Message-IDs, the `[#number]` subject token), and the signed reply address itself.
- `content.py`: the new text without quoted history and signature
  (`mail-parser-reply`), the HTML sanitised; forwards kept whole.
- `orders.py`: the order numbers a customer names.
"""
