"""The query time budget and failing stores never leak a 500: over budget is a 400 problem before the
first byte, and a stream that fails midway ends with an error record and its true status."""
import json
from contextlib import contextmanager

import pytest

from service import create_app, store
from service.api import facts

from ..conftest import LiveServer, fetch


def test_a_stream_over_its_budget_is_a_400_before_the_first_byte(seeded_store):
    if seeded_store.startswith("postgresql"):
        pytest.skip("SQLite's progress handler interrupts at once; PostgreSQL's 0 means no limit")
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


def test_the_access_log_is_one_json_object_per_request(seeded_store, tmp_path):
    if seeded_store.startswith("postgresql"):
        pytest.skip("one backend is enough for the log's format")
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
