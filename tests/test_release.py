"""The release: a wheel built from the project's files carries the Dashboard
extension's build, installs into an empty virtualenv, and serves every Dashboard page
and asset from there, with no Node.js and no checkout; a wheel without the build is
refused at build time, with the command that makes it.

Slow by nature (two wheel builds and a virtualenv: about 30 s), and the only test that
shows what a merchant's `pip install` gets.
"""

import json
import re
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from saleor_helpdesk import __version__
from saleor_helpdesk.dashboard import files as dashboard_files

ROOT = Path(__file__).resolve().parent.parent
BUILD = dashboard_files.BUILD_DIR
PAGES = "/plugins/global/saleor.helpdesk/dashboard/"
ENTRY_PAGES = ("", "inbox", "order-widget", "customer-widget", "tickets/VGlja2V0OjE=")

pytest.importorskip(
    "setuptools", reason="building the wheel needs setuptools (the test extra has it)"
)

# Run by the fresh virtualenv's Python inside the host project: the pages, then every
# asset the page refers to, as Django's test client gets them through the host's URLs.
SERVE_PAGES = f"""
import json, os, re, sys
os.environ["DJANGO_SETTINGS_MODULE"] = "tests.host.settings"
import django
django.setup()
import saleor_helpdesk
from django.test import Client

pages = sys.argv[1]
client = Client()
answers = {{"package": saleor_helpdesk.__file__}}
for page in {ENTRY_PAGES!r}:
    response = client.get(pages + page)
    answers[page] = [response.status_code, response["Content-Type"]]
index = client.get(pages).content.decode()
for asset in re.findall(r'(?:src|href)="\\./([^"]+)"', index):
    response = client.get(pages + asset)
    answers[asset] = [response.status_code, response["Content-Type"]]
print(json.dumps(answers))
"""


def _project_files(target: Path, with_build: bool) -> Path:
    """The project as a clean clone has it (git's files), plus the extension's build."""
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    if with_build:
        shutil.copytree(BUILD, target / "saleor_helpdesk" / "dashboard_build")
    return target


def _build_wheel(project: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--disable-pip-version-check", "-w", str(out), str(project)],
        capture_output=True, text=True,
    )  # fmt: skip


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    assert (BUILD / "index.html").is_file(), (
        "build the Dashboard extension first (bin/test does): "
        "cd dashboard_extension && npm ci && npm run build"
    )
    project = _project_files(tmp_path_factory.mktemp("checkout"), with_build=True)
    out = tmp_path_factory.mktemp("dist")
    built = _build_wheel(project, out)
    assert built.returncode == 0, built.stdout + built.stderr
    [wheel] = out.glob("saleor_helpdesk-*.whl")
    return wheel


@pytest.fixture(scope="module")
def fresh_venv(tmp_path_factory, wheel) -> Path:
    """An empty virtualenv with only the wheel installed in it. The wheel's own
    dependencies (Django, graphene, …) are the test environment's: a path file makes
    them importable after the virtualenv's own site-packages, so the package itself can
    only come from the wheel."""
    venv = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "--no-index",
         "--disable-pip-version-check", "--quiet", str(wheel)],
        check=True,
    )  # fmt: skip
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    (Path(site) / "helpdesk-test-dependencies.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n"
    )
    return venv


def test_the_wheel_carries_every_file_of_the_extensions_build(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    built = {
        "saleor_helpdesk/dashboard_build/" + str(p.relative_to(BUILD))
        for p in BUILD.rglob("*")
        if p.is_file()
    }

    assert wheel.name == f"saleor_helpdesk-{__version__}-py3-none-any.whl"
    assert built <= names
    assert "saleor_helpdesk/dashboard_build/index.html" in names
    assert not [n for n in names if n.startswith(("tests/", "dashboard_extension/"))]


def test_the_installed_wheel_serves_every_dashboard_page_and_asset(
    tmp_path, fresh_venv
):
    # given a host project (the stand-in shop) beside, not inside, the checkout,
    # running on the virtualenv that has only the wheel
    site = tmp_path / "shop"
    shutil.copytree(ROOT / "tests", site / "tests")
    script = site / "serve.py"
    script.write_text(SERVE_PAGES)

    # when it asks for the Dashboard's pages and every asset the page loads
    result = subprocess.run(
        [str(fresh_venv / "bin" / "python"), str(script), PAGES],
        cwd=site, capture_output=True, text=True,
    )  # fmt: skip

    # then the package is the installed one, and every page and asset is served
    assert result.returncode == 0, result.stderr

    answers = json.loads(result.stdout.strip().splitlines()[-1])
    assert answers.pop("package").startswith(str(fresh_venv))
    pages = {k: v for k, v in answers.items() if not k.startswith("assets/")}
    assets = {k: v for k, v in answers.items() if k.startswith("assets/")}
    assert pages == {page: [200, "text/html; charset=utf-8"] for page in ENTRY_PAGES}
    assert any(name.endswith(".js") for name in assets)
    assert all(status == 200 for status, _ in assets.values()), assets


def test_a_wheel_without_the_extensions_build_is_refused_with_the_fix(tmp_path):
    # given the project's files without the extension's build
    project = _project_files(tmp_path / "checkout", with_build=False)

    # when a wheel is built from them
    built = _build_wheel(project, tmp_path / "dist")

    # then the build stops and says how to make the Dashboard extension
    assert built.returncode != 0
    output = re.sub(r"\s+", " ", built.stdout + built.stderr)
    assert (
        "error: the Dashboard extension is not built "
        "(saleor_helpdesk/dashboard_build/index.html is missing)"
    ) in output
    assert "cd dashboard_extension && npm ci && npm run build" in output
    assert not list((tmp_path / "dist").glob("*.whl"))
