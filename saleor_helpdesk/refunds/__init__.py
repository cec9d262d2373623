"""Refunds started from tickets: what may be refunded, and the state of each refund as
the shop answers (`options.py`, `settle.py`, `tasks.py`).

The path of one refund, from the merchant's click to Saleor and back:

1. Offered. The Dashboard's refund dialog asks `ticketRefundOptions`
   (`graphql/refunds/schema.py`), answered by `options.ticket_refund_options`: the
   host's `refund_options` minus ticket refunds not yet handed to the host
   (`options.available_options`), with the complaint's lines preselected.
2. Requested. `ticketRefundCreate` (`graphql/refunds/mutations/ticket_refund_create.py`)
   turns its input into a `RefundRequest` and calls `actions.refunds.request_refund`.
3. Decided and recorded (`actions/refunds.py`). `require_refund_permission`
   (HANDLE_PAYMENTS), `_check_shape`, then `_record`: under the ticket's lock and the
   order's refund lock (`lock_order_refunds`), an idempotency key already used returns
   its refund; otherwise `_check_against` checks the request against
   `options.available_options` and a `TicketRefund` row (`models/refund.py`) is written
   as `requested` and committed.
4. Handed to the host. Outside any transaction, `_plan` makes a `RefundPlan` (the port's
   values, `host/refunds.py`) and `get_host().submit_refund(...)` carries it out
   (`host/base.py`, `HostPort.submit_refund`).
5. Sent to Saleor (`host/saleor_refunds.py`, `SaleorRefunds.submit_refund`), as the
   caller, through Saleor's own GraphQL mutations (`run_saleor_graphql`): on an order
   with transactions (`order_reading.refund_transaction_of` picks one) the Transactions
   API, `_refund_transaction`: `orderGrantRefundCreate`, then
   `transactionRequestRefundForGrantedRefund`; otherwise the legacy Payment API,
   `_refund_payment`: `orderFulfillmentRefundProducts`. A refusal before any money
   moved is `RefundRefused`: `request_refund` deletes the row and answers with a typed
   error. (The stand-in host does the same in `tests/host/port.py` and
   `tests/host/payments.py`.)
6. The answer recorded. `settle.record_submission`: Saleor's ids on the row, a note on
   the order's timeline, and the state `pending`, `succeeded` or `failed`; only then the
   `refund_requested` event, which plans the customer's e-mail and the webhooks.
7. Completed. The payment app answers Saleor later; Saleor calls the plugin's
   `order_refunded` / `order_fully_refunded` (`plugin.py`), `host/hooks.order_happened`
   queues `tasks.sync_order_refunds_task` after commit, which runs
   `settle.sync_order_refunds` (or `settle.settle_refund_requests` for a full refund):
   `settle.sync_refund` asks the host's `refund_status` (`host/order_reading.py`,
   `refund_status_of`, shared by both hosts through `host/shared.py`) and moves the
   refund on (`settle._move`: `succeeded` or `failed`, the timeline, the e-mail, the
   ticket closed where the channel asks for it). `tasks.sync_open_refunds`, run
   periodically and when a worker starts, finds answers Saleor has no hook for
   (failures, late answers) and refunds left `requested` by a crash, by their
   reference.

What the shop's order allows (payments, refundable lines and amounts, refund states)
is read by Saleor's model names in `host/order_reading.py`, the same code on both hosts.
"""
