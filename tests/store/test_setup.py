"""Setting a store up is done once, under a lock, by the commands that may write; serving never writes.

Several `kaoju serve` or `kaoju init-db` started at the same moment on one fresh store all succeed, and
an app over a store that was never set up answers 503, it does not crash or create tables.
"""
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from service import create_app, store
from service.store.models import Indicator
from service.pipeline.indicators import load_indicators

from ..conftest import LiveServer, _empty_store_url, fetch

BIN = Path(sys.executable).parent


def _fresh_url(backend, tmp_path, pg_databases) -> str:
    return _empty_store_url(backend, tmp_path, pg_databases)


def _tables(url: str) -> list[str]:
    store.open_database(url)
    with store.db.connection_context():
        return store.db.get_tables()


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_concurrent_init_db_on_a_fresh_store_all_succeed(backend, tmp_path, pg_databases):
    url = _fresh_url(backend, tmp_path, pg_databases)
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda _: subprocess.run([BIN / "kaoju", "init-db", "--db", url],
                                                         capture_output=True, text=True), range(8)))
    assert [r.returncode for r in results] == [0] * 8, [r.stderr for r in results if r.returncode]
    store.open_database(url)
    with store.db.connection_context():
        assert sorted(i.code for i in Indicator.select()) == sorted(load_indicators())


def test_ten_serve_starts_on_a_fresh_postgres_store_all_succeed(tmp_path, pg_databases):
    """Ten masters and their twenty workers come up at once on a store nobody has set up yet."""
    url = pg_databases.create()
    servers = [LiveServer(url, tmp_path / f"serve{i}.log", workers=2) for i in range(10)]
    try:
        for server in servers:
            server.wait_ready(timeout=120)
            status, _, body = fetch(server.base + "/readyz")
            assert status == 200, (body, server.log())
            assert fetch(server.base + "/v1/indicators")[0] == 200
        for server in servers:
            log = server.log()
            assert "Worker failed to boot" not in log and "Traceback" not in log, log
    finally:
        for server in servers:
            server.stop()


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_an_app_over_a_store_never_set_up_answers_503_and_writes_nothing(backend, tmp_path, pg_databases):
    url = _fresh_url(backend, tmp_path, pg_databases)
    client = create_app({"DATABASE_URL": url}).test_client()
    ready = client.get("/readyz")
    assert ready.status_code == 503 and ready.json["status"] == "unavailable"
    facts = client.get("/v1/facts")
    assert facts.status_code == 503 and facts.content_type == "application/problem+json"
    assert _tables(url) == []
