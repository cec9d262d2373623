"""The demo's host data: channels, customers, staff, orders and an app for `bin/demo`.

A stand-in app with no models, only the `demo_host_data` command. Inside Saleor the same
role is played by Saleor's own `populatedb`.
"""
