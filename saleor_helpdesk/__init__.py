"""Helpdesk, complaints and refund requests for Saleor.

Importing this package never imports Saleor: only `plugin.py` and `host/saleor.py` do,
so the domain runs (and is tested) on the stand-in host as well.
"""

__version__ = "0.2.0"

PLUGIN_ID = "saleor.helpdesk"
