"""kaoju against Datasette on the same SQLite file: the same questions, one load generator, interleaved rounds.

    python bench/compare.py [--seconds 5] [--rounds 2] [--sqlite PATH]

The first run installs Datasette into its own virtualenv (bench/.data/datasette-venv) from the package
registry. Both serve the store bench/scale.py builds (`make bench-scale`): kaoju through `kaoju serve`
(gunicorn), Datasette as `datasette serve`. Each case asks both the same question (a single fact, a page
of facts filtered by place subtree and value sorted by value, a page 90 % deep by cursor, counts and sums
of a place's facts by year), and one closed-loop generator (threads on keep-alive connections) drives
each server at 1 and 8 connections, the servers taking turns round by round. Prints requests/s and
p50/p99 ms of each, kaoju's requests/s over Datasette's, and the machine. A benchmark, not a test.
"""
import argparse
import json
import os
import signal
import sqlite3
import statistics
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

from load import fetch, free_port, load
from machine import machine

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT))

from scale import DEFAULT_SQLITE  # noqa: E402

VENV = ROOT / "bench" / ".data" / "datasette-venv"


def datasette_binary() -> Path:
    """Datasette in its own virtualenv, installed the first time."""
    binary = VENV / "bin" / "datasette"
    if not binary.exists():
        print("installing Datasette into", VENV, flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([VENV / "bin" / "pip", "install", "--quiet", "datasette"], check=True)
    return binary


def start(command: list, port: int, ready: str) -> subprocess.Popen:
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    for _ in range(600):
        try:
            status, _ = fetch(port, ready)
            if status == 200:
                return proc
        except OSError:
            pass
        time.sleep(0.1)
    raise SystemExit(f"{command[0]} did not start")


def questions(db_path: str, kaoju_port: int) -> list[tuple[str, str, str]]:
    """(case, kaoju path, Datasette path) asking the same thing."""
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as con:
        fact_id = con.execute("SELECT max(id) / 2 FROM fact").fetchone()[0]
        path = con.execute("SELECT path FROM place WHERE name = '吕梁市'").fetchone()[0]
        shanxi = con.execute("SELECT path FROM place WHERE name = '山西省'").fetchone()[0]
        total = con.execute("SELECT count(*) FROM fact").fetchone()[0]
    filtered_sql = ("select fact.* from fact where place_code in (select code from place where path like "
                    f"'{path}%') and value >= 1000000 order by value desc, id desc limit 50")
    stats_sql = ("select year, unit, count(*), sum(value), min(value), max(value) from fact where place_code in "
                 f"(select code from place where path like '{shanxi}%') group by year, unit order by 3 desc limit 101")
    name = Path(db_path).stem
    token, (value, last_id) = deep_cursor(kaoju_port, total)
    return [
        ("single fact", f"/v1/facts/{fact_id}", f"/{name}/fact/{fact_id}.json"),
        ("filtered page", "/v1/facts?" + urllib.parse.urlencode(
            {"place": "吕梁市", "value__gte": "100万", "sort": "-value", "limit": 50}),
         f"/{name}.json?" + urllib.parse.urlencode({"sql": filtered_sql})),
        ("deep page (90 %)", f"/v1/facts?sort=-value&limit=50&next={token}",
         f"/{name}/fact.json?" + urllib.parse.urlencode(
             {"_sort_desc": "value", "_size": 50, "_nocount": 1, "_nofacet": 1, "_next": f"{value},{last_id}"})),
        ("stats by year of 山西省", "/v1/stats?" + urllib.parse.urlencode({"group_by": "year", "place": "山西省"}),
         f"/{name}.json?" + urllib.parse.urlencode({"sql": stats_sql})),
    ]


def deep_cursor(port: int, total: int) -> tuple[str, tuple[float, int]]:
    """kaoju's `next` token 90 % of the way through the facts sorted by value, found by walking pages of
    1000 (a token is only ever handed out by the API), and the (value, id) of the last row before it."""
    walk = "/v1/facts?" + urllib.parse.urlencode({"sort": "-value", "limit": 1000})
    token, seen, last = None, 0, None
    while seen < total * 0.9:
        _, body = fetch(port, walk + (f"&next={token}" if token else ""))
        page = json.loads(body)
        token, seen, last = page["next"], seen + len(page["rows"]), page["rows"][-1]
    return token, (last["value"], last["id"])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=5, help="seconds of load per case, server and round")
    parser.add_argument("--rounds", type=int, default=2, help="rounds, the servers taking turns (default 2)")
    parser.add_argument("--sqlite", default=str(DEFAULT_SQLITE), help=f"SQLite store (default {DEFAULT_SQLITE})")
    args = parser.parse_args()
    if not Path(args.sqlite).exists():
        raise SystemExit(f"{args.sqlite} does not exist: build it with `make bench-scale`")
    print(f"machine: {machine()}")
    datasette = datasette_binary()
    kaoju_port, datasette_port = free_port(), free_port()
    servers = {
        "kaoju": start([BIN / "kaoju", "serve", "--db", f"sqlite:///{args.sqlite}", "--bind",
                        f"127.0.0.1:{kaoju_port}", "--access-logfile", "/dev/null"], kaoju_port, "/readyz"),
        "Datasette": start([datasette, "serve", args.sqlite, "-p", str(datasette_port), "--setting",
                            "sql_time_limit_ms", "20000"], datasette_port, "/-/versions.json"),
    }
    try:
        cases = questions(args.sqlite, kaoju_port)
        ports = {"kaoju": kaoju_port, "Datasette": datasette_port}
        figures: dict = {}
        for round_number in range(args.rounds):
            order = ["kaoju", "Datasette"] if round_number % 2 == 0 else ["Datasette", "kaoju"]
            for case, *paths in cases:
                for server in order:
                    path = paths[0] if server == "kaoju" else paths[1]
                    status, body = fetch(ports[server], path)
                    if status != 200:
                        raise SystemExit(f"{server} answered {status} to {path}: {body[:300]!r}")
                    for connections in (1, 8):
                        figures.setdefault((case, connections, server), []).append(
                            load(ports[server], path, connections, args.seconds))
        print(f"{'case':24s} {'c':>2s} | {'kaoju rps':>9s} {'p50':>7s} {'p99':>7s} | {'Datasette rps':>13s} "
              f"{'p50':>7s} {'p99':>7s} | {'kaoju/Datasette':>15s}")
        for case, *_ in cases:
            for connections in (1, 8):
                row = {}
                for server in ("kaoju", "Datasette"):
                    runs = figures[(case, connections, server)]
                    row[server] = {key: statistics.median(r[key] for r in runs) for key in ("rps", "p50", "p99")}
                    row[server]["errors"] = sum(r["errors"] for r in runs)
                k, d = row["kaoju"], row["Datasette"]
                errors = k["errors"] + d["errors"]
                print(f"{case:24s} {connections:2d} | {k['rps']:9.0f} {k['p50']:7.1f} {k['p99']:7.1f} | "
                      f"{d['rps']:13.0f} {d['p50']:7.1f} {d['p99']:7.1f} | {k['rps'] / d['rps']:14.2f}×"
                      + (f"  ({errors} errors)" if errors else ""))
    finally:
        for proc in servers.values():
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait()


if __name__ == "__main__":
    main()
