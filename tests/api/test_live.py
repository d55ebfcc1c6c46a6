"""End to end: `kaoju extract` then the real gunicorn (via `kaoju serve`) on a free port, over HTTP."""
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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, json.loads(exc.read())


@pytest.fixture(scope="module")
def live_server(tmp_path_factory):
    db_url = f"sqlite:///{tmp_path_factory.mktemp('live') / 'kaoju.db'}"
    subprocess.run([BIN / "kaoju", "extract", str(SEEDS), "--db", db_url], check=True, capture_output=True)
    port = free_port()
    env = {**os.environ, "KAOJU_WORKERS": "2"}
    proc = subprocess.Popen([BIN / "kaoju", "serve", "--db", db_url, "--bind", f"127.0.0.1:{port}"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            fetch(base + "/healthz")
            break
        except (urllib.error.URLError, ConnectionError):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("gunicorn did not start: " + proc.stderr.read().decode(errors="replace"))
            time.sleep(0.2)
    yield base
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(timeout=30)


def test_three_facts_with_provenance_over_http(live_server, seed_raw):
    status, headers, body = fetch(live_server + "/v1/facts?limit=3")
    assert status == 200 and len(body["rows"]) == 3
    assert headers["Link"].endswith('rel="next"')
    for fact in body["rows"]:
        p = fact["provenance"]
        assert seed_raw[p["doc"]][p["start"]:p["end"]] == fact["text"]


def test_bad_parameter_over_http(live_server):
    status, headers, body = fetch(live_server + "/v1/facts?value__gte=lots")
    assert status == 400
    assert headers["Content-Type"].startswith("application/problem+json")
    assert body["errors"] == [{"parameter": "value__gte",
                               "message": "'lots' is not a number (try 1e7, 10000000 or 1000万)"}]


def test_the_readme_examples(live_server):
    """The calls the README shows, as curl -G --data-urlencode sends them."""
    from urllib.parse import urlencode

    status, _, body = fetch(live_server + "/v1/facts?" + urlencode({"unit": "元", "value__gte": "1000万"}))
    assert status == 200 and body["rows"] and all(r["value"] >= 1e7 for r in body["rows"])
    status, _, body = fetch(live_server + "/v1/articles/1")
    assert status == 200 and body["paragraphs"]
    status, _, body = fetch(live_server + "/v1/facts?" + urlencode({"q": "光伏", "year__gte": 2016}))
    assert status == 200 and all("光伏" in r["provenance"]["sentence"] for r in body["rows"])
