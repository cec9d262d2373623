#!/usr/bin/env python
"""Django's command line for the stand-in host (the demo and the test suite).

Inside Saleor, use Saleor's own `manage.py`: the plugin needs nothing from this file.
"""

import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.host.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
