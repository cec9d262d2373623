"""The plugin's HTTP surface below `/plugins/global/<PLUGIN_ID>/`.

Saleor hands every request under that prefix to `HelpdeskPlugin.webhook`, which calls
`dispatch`; the stand-in host's URLconf calls the same function.
"""

from .router import dispatch

__all__ = ["dispatch"]
