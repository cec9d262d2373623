"""The satisfaction survey: after a ticket closes, the customer rates it 1 to 5 with a
comment, through a signed link in the closing e-mail (`links.py`, `http/satisfaction.py`)
or the storefront API; `recording.py` is the one write path, `statistics.py` the
figures, `policy.py` the per-channel settings."""
