"""The API under load, against a live gunicorn on the 10^6-fact stores bench/scale.py builds.

    python bench/api.py [--duration 10] [--connections 8] [--sqlite PATH | --no-sqlite] [--postgres URL ... | --no-postgres]
    python bench/api.py --no-sqlite --postgres postgresql://postgres@127.0.0.1:5432/kaoju_scale \
        --postgres postgresql://postgres@127.0.0.1:5432/kaoju_scale_1e7

For each store: requests/s and p50/p99 latency (bench/load.py, one connection and then --connections) of a
single fact (with its claim), a filtered page (place roll-up + value__gte + sort), the first page and a page 90% deep
via cursor (50 rows, sort=-value), a stats group-by, claims pages (the first, the same filters as the
filtered page, the conflicts most sources back), and an NDJSON export of about 10^5 rows; the cost of cursor pages from the first to the
last; and the same statements run as raw SQL in one process, so the API's overhead shows as a
ratio. Prints the machine it ran on.
"""
import argparse
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

from load import free_port, load
from machine import machine

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT))

from scale import DEFAULT_POSTGRES, DEFAULT_SQLITE  # noqa: E402

FILTERED = "/v1/facts?" + urllib.parse.urlencode({"place": "吕梁市", "value__gte": "100万", "sort": "-value",
                                                  "limit": 50})
STATS = "/v1/stats?" + urllib.parse.urlencode({"group_by": "year", "place": "山西省"})
CLAIMS = "/v1/claims?limit=50"
CLAIMS_FILTERED = "/v1/claims?" + urllib.parse.urlencode({"place": "吕梁市", "value__gte": "100万", "sort": "-value",
                                                          "limit": 50})
CLAIMS_CONFLICTS = "/v1/claims?" + urllib.parse.urlencode({"conflict": "true", "sort": "-sources", "limit": 50})
WALK = "/v1/facts?sort=-value&limit=1000"
PAGE = "/v1/facts?sort=-value&limit=50"


def get(base: str, path: str) -> tuple[float, bytes]:
    started = time.perf_counter()
    with urllib.request.urlopen(base + path, timeout=300) as response:
        body = response.read()
    return (time.perf_counter() - started) * 1000, body


def serve(url: str) -> tuple[subprocess.Popen, str, int]:
    port = free_port()
    proc = subprocess.Popen([BIN / "kaoju", "serve", "--db", url, "--bind", f"127.0.0.1:{port}",
                             "--access-logfile", "/dev/null"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            get(base, "/readyz")
            return proc, base, port
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"gunicorn did not start on {url}")


def raw_sql(url: str, path: str, runs: int = 200) -> dict:
    """The statements the API runs for `path`, captured in-process, then replayed alone."""
    from service import create_app, store

    app = create_app({"DATABASE_URL": url})
    captured = []
    database = store.db.obj
    original = database.execute_sql

    def recording(sql, params=None, *args, **kwargs):
        captured.append((sql, params))
        return original(sql, params, *args, **kwargs)

    database.execute_sql = recording
    try:
        app.test_client().get(path).get_data()  # a streamed body runs its queries while it is read
    finally:
        database.execute_sql = original
    statements = [(s, p) for s, p in captured if s.lstrip().upper().startswith(("SELECT", "WITH"))]
    timings = []
    with store.db.connection_context():
        for _ in range(runs):
            started = time.perf_counter()
            for sql, params in statements:
                original(sql, params).fetchall()
            timings.append((time.perf_counter() - started) * 1000)
    return {"p50": statistics.median(timings), "p99": sorted(timings)[int(len(timings) * 0.99) - 1],
            "statements": len(statements)}


def cursor_walk(base: str) -> tuple[list[float], list[str]]:
    """Every page of the whole table sorted by value: latency per page, and the tokens met."""
    timings, tokens, path = [], [], WALK
    while path:
        ms, body = get(base, path)
        timings.append(ms)
        token = re.search(rb'"next":\s*"([^"]+)"', body)
        path = f"{WALK}&next={token.group(1).decode()}" if token else None
        if token:
            tokens.append(token.group(1).decode())
    return timings, tokens


def pick_export(base: str) -> str:
    """A year filter whose result is closest to 10^5 facts."""
    best = None
    for year in range(2010, 2021):
        _, body = get(base, f"/v1/facts?limit=1&year={year}&_count=exact")
        count = int(re.search(rb'"count":\s*(\d+)', body).group(1))
        if best is None or abs(count - 100_000) < abs(best[1] - 100_000):
            best = (year, count)
    return f"/v1/facts?format=ndjson&year={best[0]}"


CASES = ("single", "filtered", "first", "deep", "stats", "claims", "export")


def bench_store(url: str, duration: int, connections: int, only: tuple[str, ...] = CASES) -> None:
    print(f"\n== {url}")
    proc, base, port = serve(url)
    try:
        _, body = get(base, "/v1/facts?limit=1&sort=-id")
        last_id = int(re.search(rb'"id":\s*(\d+)', body).group(1))
        cases = [("single", "single fact", f"/v1/facts/{last_id // 2}"), ("filtered", "filtered page", FILTERED),
                 ("first", "first page (sort=-value)", PAGE)]
        if "deep" in only:
            walk, tokens = cursor_walk(base)
            tenth = max(1, len(walk) // 10)
            print(f"cursor walk: {len(walk)} pages of 1000 (sort=-value): first tenth p50 "
                  f"{statistics.median(walk[:tenth]):.1f} ms, last tenth p50 {statistics.median(walk[-tenth:]):.1f} ms")
            cases.append(("deep", "deep page (cursor at 90%)", f"{PAGE}&next={tokens[int(len(tokens) * 0.9)]}"))
        cases.append(("stats", "stats group_by=year", STATS))
        cases += [("claims", "claims first page", CLAIMS), ("claims", "claims filtered page", CLAIMS_FILTERED),
                  ("claims", "claims conflicts by sources", CLAIMS_CONFLICTS)]
        print(f"{'':26s} {'c=1 rps':>8s} {'p50':>7s} {'p99':>7s} | {f'c={connections} rps':>8s} {'p50':>7s} "
              f"{'p99':>7s} | {'SQL p50':>7s} {'p99':>7s} {'API/SQL':>7s}")
        for name, label, path in cases:
            if name not in only:
                continue
            one = load(port, path, 1, duration)
            many = load(port, path, connections, duration)
            sql = raw_sql(url, path)
            errors = one["errors"] + many["errors"]
            print(f"{label:26s} {one['rps']:8.0f} {one['p50']:7.2f} {one['p99']:7.2f} | {many['rps']:8.0f} "
                  f"{many['p50']:7.2f} {many['p99']:7.2f} | {sql['p50']:7.2f} {sql['p99']:7.2f} "
                  f"{one['p50'] / sql['p50']:6.1f}×" + (f"  ({errors} errors)" if errors else ""))
        if "export" in only:
            export = pick_export(base)
            runs = [get(base, export) for _ in range(3)]
            rows = runs[0][1].count(b"\n")
            ms = statistics.median(r[0] for r in runs)
            sql = raw_sql(url, export, runs=3)
            print(f"{'NDJSON export':26s} {rows:,} rows in {ms / 1000:.2f} s ({rows / ms * 1000:,.0f} rows/s); "
                  f"its {sql['statements']} SQL batches alone {sql['p50'] / 1000:.2f} s ({ms / sql['p50']:.1f}×)")
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per case and concurrency (default 10)")
    parser.add_argument("--connections", type=int, default=8, help="concurrent connections (default 8)")
    parser.add_argument("--sqlite", default=str(DEFAULT_SQLITE), help=f"SQLite store (default {DEFAULT_SQLITE})")
    parser.add_argument("--postgres", action="append",
                        help=f"a PostgreSQL URL; repeat it for several stores (default {DEFAULT_POSTGRES})")
    parser.add_argument("--no-postgres", action="store_true", help="the SQLite store only")
    parser.add_argument("--no-sqlite", action="store_true", help="the PostgreSQL stores only")
    parser.add_argument("--only", action="append", choices=CASES,
                        help="run only this case (repeatable; the walk of every cursor page runs for `deep` only)")
    args = parser.parse_args()
    if not args.no_sqlite and not Path(args.sqlite).exists():
        raise SystemExit(f"{args.sqlite} does not exist: run python bench/scale.py first")
    print(machine())
    print(f"gunicorn workers: {os.environ.get('KAOJU_WORKERS') or 'default'}; latencies in ms")
    if not args.no_sqlite:
        bench_store(f"sqlite:///{args.sqlite}", args.duration, args.connections, tuple(args.only or CASES))
    if not args.no_postgres:
        for url in args.postgres or [DEFAULT_POSTGRES]:
            bench_store(url, args.duration, args.connections, tuple(args.only or CASES))


if __name__ == "__main__":
    main()
