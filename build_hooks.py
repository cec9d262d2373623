"""Build-time check for the package: a release must carry the Dashboard extension.

The extension's build (`saleor_helpdesk/dashboard_build/`) is made by npm and is not in
git. A wheel or sdist built without it installs fine and then serves nothing but 404
pages in the Dashboard, so building one stops here with the command that fixes it.
Editable installs (`pip install -e .`, what `bin/test` and `bin/demo` use) build the
extension afterwards and are let through.
"""

from pathlib import Path

from setuptools.command.build_py import build_py

BUILD_INDEX = Path("saleor_helpdesk") / "dashboard_build" / "index.html"


class BuildPy(build_py):
    def run(self) -> None:
        if not getattr(self, "editable_mode", False) and not BUILD_INDEX.is_file():
            raise SystemExit(
                "error: the Dashboard extension is not built "
                f"({BUILD_INDEX} is missing), so the package would serve no Dashboard "
                "pages. Run ./bin/release (it builds the extension, then the sdist and "
                "the wheel into dist/), or build the extension first: "
                "cd dashboard_extension && npm ci && npm run build"
            )
        super().run()
