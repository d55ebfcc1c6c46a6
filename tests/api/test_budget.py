"""The query time budget and failing stores never leak a 500: over budget is a 400 problem before the
first byte, and a stream that fails midway ends with an error record and its true status."""
import json
import time
from contextlib import contextmanager

import pytest

from service import create_app, store
from service.api import facts

from ..conftest import LiveServer, fetch


SQLITE_ONLY = pytest.mark.parametrize("seeded_store", ["sqlite"], indirect=True)


@SQLITE_ONLY
def test_a_stream_over_its_budget_is_a_400_before_the_first_byte(seeded_store):
    """SQLite's progress handler interrupts at once with a budget of 0 (PostgreSQL's 0 means no limit)."""
    client = create_app({"DATABASE_URL": seeded_store, "QUERY_TIMEOUT_MS": 0}).test_client()
    for fmt in ("ndjson", "csv"):
        response = client.get(f"/v1/facts?format={fmt}")
        assert response.status_code == 400 and response.content_type == "application/problem+json"
        assert response.get_json()["title"] == "Query too expensive"
    for url in ("/v1/facts?limit=1000", "/v1/articles", "/v1/places?q=县"):
        response = client.get(url)
        assert response.status_code == 400 and response.get_json()["title"] == "Query too expensive", url


@contextmanager
def _broken_store(app, seeded_store):
    """What a store does mid-stream in real life: SQLite's budget runs out; on PostgreSQL an operator
    moves the table away (and back, for the other tests)."""
    if seeded_store.startswith("sqlite"):
        app.config["QUERY_TIMEOUT_MS"] = 0
        yield
        return
    import psycopg

    with psycopg.connect(seeded_store, autocommit=True) as admin:
        admin.execute("ALTER TABLE fact RENAME TO fact_moved")
        try:
            yield
        finally:
            admin.execute("ALTER TABLE fact_moved RENAME TO fact")


@pytest.mark.parametrize("fmt", ["ndjson", "csv"])
def test_a_stream_that_fails_midway_ends_with_an_error_record(seeded_store, monkeypatch, caplog, fmt):
    monkeypatch.setattr(facts, "STREAM_BATCH", 20)
    app = create_app({"DATABASE_URL": seeded_store})
    client = app.test_client()
    response = client.get(f"/v1/facts?format={fmt}", buffered=False)
    assert response.status_code == 200
    chunks = iter(response.response)
    head = [next(chunks) for _ in range(5)]
    with _broken_store(app, seeded_store):
        lines = b"".join(head + list(chunks)).decode().splitlines()
    response.close()
    expected = 400 if seeded_store.startswith("sqlite") else 503
    if fmt == "ndjson":
        *rows, last = [json.loads(line) for line in lines]
        assert all("provenance" in row for row in rows) and len(rows) >= 5
        assert last["error"]["status"] == expected
    else:
        assert lines[-1].startswith("error,") and len(lines) > 5
    assert len([r for r in caplog.records if "streamed export" in r.getMessage()]) == 1
    if not store.db.is_closed():
        store.db.close()


@SQLITE_ONLY
def test_the_access_log_is_one_json_object_per_request(seeded_store, tmp_path):
    """The log's format does not depend on the store."""
    server = LiveServer(seeded_store, tmp_path / "serve.log", workers=1)
    try:
        server.wait_ready()
        for path in ('/v1/facts?q=%22%5C', "/v1/facts?limit=1", "/v1/nothing", "/v1/facts?format=ndjson"):
            fetch(server.base + path)
    finally:
        server.stop()
    lines = [json.loads(line) for line in server.log().splitlines() if line.startswith('{"remote"')]
    requests = {line["request"].split()[1]: line for line in lines}
    assert requests['/v1/facts?q=%22%5C']["status"] == 200
    assert requests["/v1/nothing"]["status"] == 404
    assert len([line for line in lines if "format=ndjson" in line["request"]]) == 1


def _bigger_copy(sqlite_url: str, path, doublings: int) -> str:
    """A copy of a SQLite store whose facts are repeated 2**doublings times: exports that take a while."""
    import shutil
    import sqlite3

    source = sqlite_url.split("sqlite:///", 1)[1]
    with sqlite3.connect(source) as db:
        db.execute("PRAGMA wal_checkpoint(FULL)")
    shutil.copy(source, path)
    with sqlite3.connect(path) as db:
        columns = ", ".join(f'"{row[1]}"' for row in db.execute("PRAGMA table_info(fact)") if row[1] != "id")
        for _ in range(doublings):
            db.execute(f"INSERT INTO fact ({columns}) SELECT {columns} FROM fact")
    return f"sqlite:///{path}"


def _open_stream(base: str):
    """Start an NDJSON export and read only its status line, as a slow client does."""
    import socket

    host, port = base.rsplit("/", 1)[1].split(":")
    connection = socket.socket()
    connection.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # small window: the server's send blocks
    connection.settimeout(10)  # a server that cannot take the request fails the test, it does not hang it
    connection.connect((host, int(port)))
    connection.sendall(b"GET /v1/facts?format=ndjson HTTP/1.1\r\nHost: x\r\n\r\n")
    return connection, connection.recv(64).split(b"\r\n")[0]


@SQLITE_ONLY
def test_exports_beyond_the_limit_get_503_and_health_checks_still_answer(seeded_store, tmp_path):
    """The limit is per worker process, whatever the store; a copy of the SQLite store is made big."""
    big = _bigger_copy(seeded_store, tmp_path / "big.db", doublings=6)
    server = LiveServer(big, tmp_path / "serve.log", workers=1, env={"KAOJU_MAX_STREAMS": "2"})
    streams = []
    try:
        server.wait_ready()
        streams = [_open_stream(server.base) for _ in range(10)]
        statuses = sorted(status for _, status in streams)
        assert statuses.count(b"HTTP/1.1 200 OK") == 2 and statuses.count(b"HTTP/1.1 503 SERVICE UNAVAILABLE") == 8
        status, headers, body = fetch(server.base + "/v1/facts?format=csv")
        assert status == 503 and headers["Retry-After"] == "5" and body["title"] == "Busy"
        assert fetch(server.base + "/healthz")[0] == 200
        assert fetch(server.base + "/v1/facts?limit=1")[0] == 200
        for connection, _ in streams[:2]:
            connection.close()
        streams = []
        deadline = time.monotonic() + 10
        while fetch(server.base + "/v1/facts?format=csv")[0] != 200:
            assert time.monotonic() < deadline, "a closed export never gave its slot back"
            time.sleep(0.2)
    finally:
        for connection, _ in streams:
            connection.close()
        server.stop()
