"""Where the Dashboard extension's build lives inside the installed package.

The extension (`dashboard_extension/`, React) is built by npm into
`saleor_helpdesk/dashboard_build/`; a release wheel carries that folder, so a shop needs
no Node.js. A checkout installed without a build has no such folder: its Dashboard
pages would answer 404, so nothing registers the Dashboard app then (see
`missing_build`).
"""

from pathlib import Path

BUILD_DIR = Path(__file__).resolve().parent.parent / "dashboard_build"

HOW_TO_BUILD = (
    "Install a release wheel (`./bin/release` in the checkout builds one into dist/), "
    "or build the extension into this checkout: "
    "`cd dashboard_extension && npm ci && npm run build`."
)


def missing_build(build_dir: Path | None = None) -> str | None:
    """Why the Dashboard pages cannot be served, or None when they can."""
    folder = build_dir or BUILD_DIR
    if (folder / "index.html").is_file():
        return None
    return (
        f"The Dashboard extension is not built into this installation ({folder} has "
        f"no index.html), so its pages would answer 404. {HOW_TO_BUILD}"
    )
