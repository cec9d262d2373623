"""The stand-in host under a production server, as Saleor runs in production
(its Procfile: gunicorn, `--workers 4`, uvicorn workers over ASGI): started on a free
port, waited for, and stopped again whatever happens."""

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from saleor_helpdesk import PLUGIN_ID

PROJECT_DIR = Path(__file__).resolve().parents[3]
WORKER_CLASS = "uvicorn.workers.UvicornWorker"
# Straight to the server, never through a proxy from the environment.
_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def server_command(port: int, workers: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        WORKER_CLASS,
        "--graceful-timeout",
        "10",
        # Several servers may run at once (parallel tests): no shared control socket.
        "--no-control-socket",
        "tests.host.asgi:application",
    ]


@contextmanager
def serving(database_url: str, *, workers: int = 4) -> Iterator[str]:
    """Serve the stand-in host on `database_url`; yields its base URL. Production
    settings: DEBUG off; Celery eager as in the demo (no broker), e-mails into memory."""
    port = free_port()
    media = tempfile.mkdtemp(prefix="helpdesk-load-media-")
    env = os.environ | {
        "DATABASE_URL": database_url,
        "DEBUG": "false",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "MEDIA_ROOT": media,
        "PRIVATE_MEDIA_ROOT": media,
        "PYTHONPATH": os.pathsep.join(
            filter(None, [str(PROJECT_DIR), os.environ.get("PYTHONPATH")])
        ),
    }
    env.pop("CELERY_BROKER_URL", None)
    log = tempfile.NamedTemporaryFile(  # noqa: SIM115 (closed in finally)
        prefix="helpdesk-load-server-", suffix=".log", delete=False
    )
    # A session of its own: Ctrl+C reaches only this process, which then stops the
    # server in order (finally below) instead of both racing.
    process = subprocess.Popen(
        server_command(port, workers),
        cwd=PROJECT_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_it_answers(process, base_url, Path(log.name))
        yield base_url
    finally:
        stop(process)
        log.close()
        _keep_log_if_it_went_wrong(Path(log.name))


def _keep_log_if_it_went_wrong(log: Path) -> None:
    text = log.read_text(errors="replace")
    if "Traceback" in text or "[ERROR]" in text or "[CRITICAL]" in text:
        print(f"the server logged errors; its log: {log}", file=sys.stderr)
    else:
        log.unlink()


def stop(process: subprocess.Popen) -> None:
    """SIGTERM: gunicorn lets the workers finish their requests, then exits."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_it_answers(
    process: subprocess.Popen, base_url: str, log: Path, timeout: float = 60
) -> None:
    url = f"{base_url}/plugins/global/{PLUGIN_ID}/"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"the server exited ({process.returncode}):\n{log.read_text()[-3000:]}"
            )
        try:
            with _opener.open(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the server did not answer in {timeout:.0f} s: {log}")
