"""Keys and limits on a live gunicorn of two workers, on both stores, the limits' counters in Redis: every
status with its headers, a revocation that reaches every worker at once, limits that hold across workers,
an audit line per request, and no key in the log or in the store."""
from __future__ import annotations

import json
import os
import subprocess
import time
import urllib.request
import uuid

import pytest

from service import keys
from service.api.limits import ClientStreams
from service.api.problems import ApiError

from ..conftest import BIN, IN_CI, LiveServer, fetch
from .test_auth import make_key

REDIS_URL = os.environ.get("KAOJU_TEST_REDIS", "redis://127.0.0.1:6379/3")
RATE = 12  # requests a minute per key


def redis_or_skip():
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_timeout=2).ping()
    except Exception as exc:
        message = f"Redis is not reachable at {REDIS_URL}: {exc}"
        if IN_CI:
            pytest.fail(message + " (CI=true: Redis is required)")
        pytest.skip(message)


@pytest.fixture(scope="module")
def served(seeded_store, tmp_path_factory):
    redis_or_skip()
    log = tmp_path_factory.mktemp("auth-live") / "gunicorn.log"
    server = LiveServer(seeded_store, log, workers=2, env={
        "KAOJU_AUTH": "keys", "KAOJU_RATE_LIMIT": f"{RATE}/minute", "KAOJU_REDIS_URL": REDIS_URL,
        "KAOJU_STREAM_LIMIT": "1"})
    server.wait_ready(timeout=60)
    yield server, seeded_store
    server.stop()


def get(base: str, path: str, key: str | None = None):
    request = urllib.request.Request(base + path, headers={"Authorization": f"Bearer {key}"} if key else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def fresh_key(db_url: str, *options: str) -> tuple[str, str]:
    name = f"live-{uuid.uuid4().hex[:10]}"  # its own Redis counters, whatever ran before
    return name, make_key(db_url, name, *options)


def test_every_status_with_its_headers(served):
    server, db_url = served
    _, read = fresh_key(db_url)
    status, headers, body = get(server.base, "/v1/facts?limit=1")
    assert status == 401 and headers["WWW-Authenticate"] == 'Bearer realm="kaoju"'
    assert json.loads(body)["status"] == 401 and headers["Content-Type"] == "application/problem+json"
    status, headers, _ = get(server.base, "/v1/facts?limit=1", "kj_0123abcd_" + "x" * 43)
    assert status == 401 and 'error="invalid_token"' in headers["WWW-Authenticate"]
    status, headers, _ = get(server.base, "/v1/facts?limit=1", read)
    assert status == 200 and headers["RateLimit-Limit"] == str(RATE)
    assert int(headers["RateLimit-Remaining"]) == RATE - 1 and 0 <= int(headers["RateLimit-Reset"]) <= 60
    assert "Retry-After" not in headers
    status, headers, body = get(server.base, "/v1/facts?format=ndjson", read)
    assert status == 403 and "--scope export" in json.loads(body)["detail"] and "RateLimit-Limit" in headers
    answers = [get(server.base, "/v1/facts?limit=1", read) for _ in range(RATE)]
    refused = answers[-1]
    assert refused[0] == 429 and int(refused[1]["Retry-After"]) >= 1 and refused[1]["RateLimit-Remaining"] == "0"
    assert json.loads(refused[2])["title"] == "Too many requests"


def test_a_limit_holds_across_workers(served):
    """Two workers, one Redis: a key gets RATE answers a minute in all, not RATE from each worker."""
    server, db_url = served
    _, key = fresh_key(db_url)
    statuses = [get(server.base, "/v1/places?limit=1", key)[0] for _ in range(RATE + 6)]
    assert statuses.count(200) == RATE and statuses.count(429) == 6 and statuses[:RATE] == [200] * RATE


def test_a_revoked_key_stops_in_every_worker_at_once(served):
    server, db_url = served
    name, key = fresh_key(db_url)
    assert all(get(server.base, "/healthz")[0] == 200 for _ in range(4))
    assert [get(server.base, "/v1/units", key)[0] for _ in range(4)] == [200] * 4  # both workers have checked it
    subprocess.run([BIN / "kaoju", "keys", "revoke", name, "--db", db_url], check=True, capture_output=True)
    revoked_at = time.monotonic()
    statuses = [get(server.base, "/v1/units", key)[0] for _ in range(6)]
    assert statuses == [401] * 6 and time.monotonic() - revoked_at < 1
    time.sleep(0.5)
    attempts = [json.loads(line)["status"] for line in server.log().splitlines()
                if line.startswith("{") and json.loads(line).get("key") == name]
    assert attempts == [200] * 4 + [401] * 6  # the audit names the revoked key's attempts


def test_each_request_is_one_audit_line_and_no_key_is_in_the_log_or_the_store(served):
    server, db_url = served
    name, key = fresh_key(db_url, "--scope", "export")
    assert get(server.base, "/v1/facts?limit=3&place=%E4%B8%B4%E5%8E%BF", key)[0] == 200
    assert get(server.base, f"/v1/claims?limit=2&_key={key}")[0] == 200
    assert get(server.base, "/v1/facts?format=ndjson&year=2017", key)[0] == 200
    time.sleep(0.5)  # gunicorn writes the line once the response is done
    lines = [json.loads(line) for line in server.log().splitlines() if line.startswith("{")]
    mine = [line for line in lines if line.get("key") == name]
    assert [(line["route"], line["status"]) for line in mine] == [("/v1/facts", 200), ("/v1/claims", 200),
                                                                   ("/v1/facts", 200)]
    assert mine[0]["filters"] == {"limit": "3", "place": "临县"} and mine[0]["rows"] == 3
    assert mine[1]["rows"] == 2 and "_key=[redacted]" in mine[1]["request"] and "_key" not in mine[1]["filters"]
    assert mine[2]["rows"] > 10
    usage = subprocess.run([BIN / "kaoju", "keys", "usage", "--log", str(server.log_path), "--json"],
                           capture_output=True, text=True, check=True).stdout
    summed = next(json.loads(line) for line in usage.splitlines() if json.loads(line)["key"] == name)
    assert summed["requests"] == 3 and summed["statuses"] == {"200": 3} and summed["rows"] == 5 + mine[2]["rows"]
    secret = keys.parse(key)[1]  # the whole secret: it may itself hold "_", so never the text after the last one
    assert key not in server.log() and secret not in server.log()
    assert secret not in _store_dump(db_url)


def _store_dump(db_url: str) -> str:
    """Every byte the store keeps: the SQLite file and its journal, or pg_dump's output."""
    if db_url.startswith("sqlite:///"):
        path = db_url[len("sqlite:///"):]
        return "".join(open(p, "rb").read().decode("latin-1") for p in (path, path + "-wal") if os.path.exists(p))
    return subprocess.run(["pg_dump", "--data-only", db_url], capture_output=True, text=True, check=True).stdout


def test_stream_slots_are_shared_through_redis():
    """Two processes' counters (two ClientStreams) over one Redis: one client, one stream at a time."""
    redis_or_skip()
    who = f"key:streams-{uuid.uuid4().hex[:8]}"
    first, second = ClientStreams(1, REDIS_URL), ClientStreams(1, REDIS_URL)
    first.take(who)
    with pytest.raises(ApiError) as refused:
        second.take(who)
    assert refused.value.status == 429 and refused.value.retry_after
    first.give_back(who)
    second.take(who)
    second.give_back(who)


def test_with_auth_off_the_limit_counts_the_client_address(seeded_store, tmp_path):
    server = LiveServer(seeded_store, tmp_path / "open.log", workers=2, env={"KAOJU_RATE_LIMIT": "5/second"})
    try:
        server.wait_ready(timeout=60)
        statuses = [fetch(server.base + "/v1/indicators")[0] for _ in range(30)]
        assert 200 in statuses and 429 in statuses
        assert fetch(server.base + "/healthz")[0] == 200  # never limited
    finally:
        server.stop()


def test_a_redis_that_does_not_answer_never_turns_a_request_into_a_500(seeded_store, tmp_path):
    """Limits count in each process until Redis answers again; exports too."""
    server = LiveServer(seeded_store, tmp_path / "no-redis.log", workers=2, env={
        "KAOJU_RATE_LIMIT": "1000/minute", "KAOJU_STREAM_LIMIT": "2", "KAOJU_REDIS_URL": "redis://127.0.0.1:1/0"})
    try:
        server.wait_ready(timeout=60)
        assert [fetch(server.base + "/v1/units")[0] for _ in range(3)] == [200] * 3
        assert fetch(server.base + "/v1/facts?format=ndjson&year=2019")[0] == 200
    finally:
        server.stop()
