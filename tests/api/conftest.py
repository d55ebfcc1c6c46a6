"""A live gunicorn over the extracted seeds, started through `kaoju serve` like a user would."""
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from ..conftest import SEEDS

BIN = Path(sys.executable).parent


def fetch(url):
    """(status, headers, parsed JSON or text) of a GET, errors included."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers, _parse(response.headers, response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, _parse(exc.headers, exc.read())


def _parse(headers, data: bytes):
    if "json" in (headers.get("Content-Type") or "") and "ndjson" not in headers.get("Content-Type"):
        return json.loads(data)
    return data.decode("utf-8")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    db_url = f"sqlite:///{tmp_path_factory.mktemp('live') / 'kaoju.db'}"
    subprocess.run([BIN / "kaoju", "extract", str(SEEDS), "--db", db_url], check=True, capture_output=True)
    port = free_port()
    env = {**os.environ, "KAOJU_WORKERS": "2"}
    log_path = tmp_path_factory.mktemp("live-log") / "gunicorn.log"
    log = open(log_path, "wb")
    proc = subprocess.Popen([BIN / "kaoju", "serve", "--db", db_url, "--bind", f"127.0.0.1:{port}"], env=env,
                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            fetch(base + "/healthz")
            break
        except (urllib.error.URLError, ConnectionError):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("gunicorn did not start: " + log_path.read_text(errors="replace"))
            time.sleep(0.2)
    yield base
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(timeout=30)
    log.close()


