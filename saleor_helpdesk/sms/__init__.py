"""Short replies by SMS: staff answer a ticket with a text to the customer's phone.

The path of one text, module by module:

- `actions/sms.py` (`send_sms_reply`) checks who asks and the text, finds the number,
  stores the reply as a public comment with medium SMS and writes the outbox row, all in
  one transaction.
- `text.py`: the text as it is sent (plain, cleaned) and how many SMS parts it takes.
- `numbers.py`: the number, in E.164, from the ticket's order or the customer's
  addresses (read through the host, `host/address_reading.py`).
- `outbox.py`: the `SmsMessage` row, handed to a Celery task after commit.
- `sending.py`, `tasks.py`: claim a due row, send it through the transport, retry, and
  record the outcome on the ticket's timeline (`sms_sent`, `sms_failed`).
- `transports.py`: the transport port (`send(to, body) -> provider's message id`),
  chosen by the deployment setting `HELPDESK_SMS_TRANSPORT`; none by default, and then
  SMS is unavailable. `twilio.py`: the shipped adapter (extra `saleor-helpdesk[twilio]`).
"""
