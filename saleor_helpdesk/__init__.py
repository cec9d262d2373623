"""Helpdesk, complaints and refund requests for Saleor.

The package, folder by folder, from the shop's door inwards:

The doors (API and delivery in)
- `plugin.py`: the Saleor plugin, thin; HTTP goes to `http/`, order and customer hooks
  to `host/hooks.py`.
- `graphql/`: the GraphQL API (storefront, guests, staff, apps), one mutation per file;
  `http/`: the plain HTTP endpoints (Dashboard pages, downloads, exports, and e-mail
  pushed by services and mail servers in `http/inbound/`); `inbound/`: what an
  inbound e-mail says, read by pure functions; `mailboxes/`: the support mailboxes,
  IMAP ones fetched by a periodic task; every way in ends in `actions/inbound.py`.

The domain
- `actions/`: every write path: validate and authorise, lock, change, write timeline
  events; the GraphQL mutations and the hooks call these and nothing else writes.
- `models/`: the tables. `core/`: the shared vocabulary (actor, constants, errors,
  permissions, money, settings). `tickets/`: rules and reads (who sees which ticket,
  statuses and transitions, policies, guests, inbox, statistics, defaults).
  `timeline/`: the events every action writes and what reacts to them. `content/`:
  what people write and upload (sanitising, templates, files). `privacy/`: erasure,
  export, retention.
- `refunds/`: a refund from the merchant's click to Saleor and back; its package
  docstring walks the path module by module (`actions/refunds.py` decides and records,
  `host/saleor_refunds.py` sends it through Saleor's own mutations).

Delivery out (after commit, through an outbox)
- `notifications/`: e-mails to customers and staff; `sms/`: SMS replies through a
  pluggable transport; `webhooks/`: signed webhooks to integrators; `tasks.py`: the
  Celery tasks that carry them.

The host
- `host/`: the port to the shop platform (`HostPort`): authentication, permissions,
  orders, refunds, app registration. Only `plugin.py` and `host/saleor*.py` import
  Saleor, so the domain runs (and is tested) on the stand-in host as well.
- `dashboard/`: the Dashboard extension as a Saleor App, and where its build lives.

`management/` holds the commands (`helpdesk_*`), `sample_data/` the demo shop.
"""

__version__ = "0.2.0"

PLUGIN_ID = "saleor.helpdesk"
