"""Shared fixtures: stores on a real SQLite file and on the real PostgreSQL server, and a live gunicorn."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
from hypothesis import settings

from service import create_app, store
from service.job import run_extraction
from service.reference import reference_data

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
PG_ADMIN_URL = os.environ.get("KAOJU_TEST_PG_ADMIN", "postgresql://postgres@127.0.0.1:5432/postgres")
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
BACKENDS = ["sqlite", "postgres"]
# Tests never assert on wall-clock time: a property's first example may build the cached tables (a second or two)
settings.register_profile("kaoju", deadline=None)
settings.load_profile("kaoju")


def _pg_admin():
    import psycopg

    return psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=5)


def _pg_or_skip():
    try:
        _pg_admin().close()
    except Exception as exc:
        message = f"PostgreSQL is not reachable at {PG_ADMIN_URL}: {exc}"
        if IN_CI:
            pytest.fail(message + " (CI=true: PostgreSQL is required)")
        pytest.skip(message)


class PgDatabases:
    """Fresh PostgreSQL databases for the tests, dropped at the end of the session."""

    def __init__(self):
        self.names: list[str] = []

    def create(self) -> str:
        _pg_or_skip()
        name = f"kaoju_test_{uuid.uuid4().hex[:10]}"
        with _pg_admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        self.names.append(name)
        return PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name

    def drop_all(self):
        if store.db.obj is not None and not store.db.is_closed():
            store.db.close()
        if not self.names:
            return
        with _pg_admin() as conn:
            for name in self.names:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def pg_databases():
    dbs = PgDatabases()
    yield dbs
    dbs.drop_all()


def _empty_store_url(backend: str, tmp_path: Path, pg_databases: PgDatabases) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'kaoju.db'}"
    return pg_databases.create()


@pytest.fixture(params=BACKENDS)
def empty_store(request, tmp_path, pg_databases):
    """The URL of a new, empty store, opened and bound to the models."""
    url = _empty_store_url(request.param, tmp_path, pg_databases)
    store.open_database(url)
    store.init_db(reference_data())
    yield url
    if not store.db.is_closed():
        store.db.close()


@pytest.fixture(scope="session", params=BACKENDS)
def seeded_store(request, tmp_path_factory, pg_databases):
    """A store holding the extracted seeds, built once per backend."""
    url = _empty_store_url(request.param, tmp_path_factory.mktemp("seeded"), pg_databases)
    store.open_database(url)
    store.init_db(reference_data())
    with store.db.connection_context():
        summary = run_extraction([str(SEEDS)])
    assert summary.failed == 0 and summary.facts > 0
    return url


@pytest.fixture(scope="session", params=BACKENDS)
def restated_store(request, tmp_path_factory, pg_databases):
    """A store of the seeds and of the seeds restated by other imagined papers, figures rounded, contradicted
    and updated (tests/claims/corpus.py), built once per backend."""
    from .claims.corpus import write_corpus

    root = tmp_path_factory.mktemp("restated")
    write_corpus(root)
    url = _empty_store_url(request.param, tmp_path_factory.mktemp("restated-store"), pg_databases)
    store.open_database(url)
    store.init_db(reference_data())
    with store.db.connection_context():
        assert run_extraction([str(root)]).failed == 0
    return url


@pytest.fixture
def restated(restated_store):
    """A test client over restated_store."""
    return create_app({"DATABASE_URL": restated_store, "TESTING": True}).test_client()


@pytest.fixture
def app(seeded_store):
    return create_app({"DATABASE_URL": seeded_store, "TESTING": True})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def seed_raw():
    """The raw text of each seed file by name."""
    return {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}


def write_page_variants(root: Path, count: int) -> Path:
    """`count` distinct pages (the seeds in turn, each with its own page number) in `root`."""
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(count):
        page = seeds[i % len(seeds)].read_text(encoding="utf-8")
        (root / f"page{i:02d}.txt").write_text(page + f"\n\n第{i}版\n", encoding="utf-8")
    return root


# A live gunicorn over the extracted seeds, started through `kaoju serve` like a user would.
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


class LiveServer:
    """`kaoju serve` started as a user starts it, on a free port, its output kept in a log file."""

    def __init__(self, db_url: str, log_path: Path, workers: int = 2, env: dict | None = None):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self._log = open(log_path, "wb")
        self.proc = subprocess.Popen(
            [BIN / "kaoju", "serve", "--db", db_url, "--bind", f"127.0.0.1:{self.port}"],
            env={**os.environ, "KAOJU_WORKERS": str(workers), **(env or {})},
            stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True)

    def wait_ready(self, timeout: float = 60, path: str = "/healthz") -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fetch(self.base + path)
                return
            except (urllib.error.URLError, ConnectionError):
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("gunicorn did not start: " + self.log()) from None
                time.sleep(0.2)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
        self.proc.wait(timeout=30)
        self._log.close()


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    db_url = f"sqlite:///{tmp_path_factory.mktemp('live') / 'kaoju.db'}"
    subprocess.run([BIN / "kaoju", "extract", str(SEEDS), "--db", db_url], check=True, capture_output=True)
    server = LiveServer(db_url, tmp_path_factory.mktemp("live-log") / "gunicorn.log")
    server.wait_ready(timeout=30)
    yield server.base
    server.stop()
