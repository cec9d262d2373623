"""Refunds started from tickets: what may be refunded, and the state of each refund as
the shop answers. The write path that starts one is `actions/refunds.py`."""
