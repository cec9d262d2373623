"""Realistic sample tickets for demos and trying the helpdesk out, on any host.

Uses only what the shop already has: its orders, customers, channels and staff users
(the stand-in host after `demo_host_data`, or Saleor after `populatedb`). Every ticket is
made through the helpdesk's actions, as the API would make it, so sample data passes
the same checks as real data; afterwards each ticket's timestamps are moved into the
past so the inbox reads like a few weeks of work. `manage.py helpdesk_sample_data` runs
`SampleShop`.
"""

from .shop import SampleShop

__all__ = ["SampleShop"]
