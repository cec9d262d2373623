"""The package is what Saleor expects: an entry point named after the Django app, and a
domain that imports without Saleor."""

import importlib.metadata
import subprocess
import sys


def test_the_entry_point_names_the_django_app_and_the_plugin_class():
    [entry] = [
        ep
        for ep in importlib.metadata.entry_points(group="saleor.plugins")
        if ep.name == "saleor_helpdesk"
    ]

    assert entry.value == "saleor_helpdesk.plugin:HelpdeskPlugin"


def test_only_the_plugin_and_the_saleor_host_modules_import_saleor():
    # given a fresh interpreter with the stand-in host's settings
    code = (
        "import django, os, sys;"
        "os.environ['DJANGO_SETTINGS_MODULE']='tests.host.settings';"
        "django.setup();"
        "import pkgutil, importlib, saleor_helpdesk;"
        "skip=lambda m: m == 'saleor_helpdesk.plugin' or m.startswith('saleor_helpdesk.host.saleor');"
        "mods=[m.name for m in pkgutil.walk_packages(saleor_helpdesk.__path__,'saleor_helpdesk.')];"
        "[importlib.import_module(m) for m in mods if not skip(m)];"
        "print(len(mods), any(k == 'saleor' or k.startswith('saleor.') for k in sys.modules))"
    )

    # when every other module is imported
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )

    # then none of them pulled in Saleor
    count, saleor_loaded = result.stdout.split()
    assert int(count) > 20
    assert saleor_loaded == "False"
