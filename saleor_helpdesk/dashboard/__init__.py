"""The Dashboard extension as a Saleor App: its manifest and extensions as data (`app`)
and where its build lives inside the installed package (`files`). The pages themselves
are served by `http/dashboard.py`."""
