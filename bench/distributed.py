"""Sources/s of the distributed job against `kaoju extract`, on this machine, into PostgreSQL.

    python bench/distributed.py [--pages 300] [--broker amqp://guest:guest@127.0.0.1:5672//]
                                [--postgres postgresql://postgres@127.0.0.1:5432/postgres]

Writes that many distinct pages (the seeds with their digits moved on), then for 1 and 2 workers (one
process each) times `kaoju enqueue` and the workers until every source is stored, each time into a
fresh database; and `kaoju extract --workers 1` and `--workers 2` into fresh databases too. Prints
sources/s, the ratios of 2 to 1, and the machine. A benchmark, not a test.
"""
import argparse
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from machine import machine

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT))


def pages(folder: Path, count: int) -> None:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for i in range(count):
        text = re.sub(r"[0-9]", lambda m: str((int(m.group()) + i // len(seeds)) % 10), seeds[i % len(seeds)])
        (folder / f"page{i:04d}.txt").write_text(f"{text}\n\n第{i}版\n", encoding="utf-8")


def fresh_database(admin: str) -> str:
    import psycopg

    name = f"kaoju_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return admin.rsplit("/", 1)[0] + "/" + name


def drop_database(admin: str, url: str) -> None:
    import psycopg

    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')


def stored(url: str) -> int:
    import psycopg

    with psycopg.connect(url) as connection:
        return connection.execute("SELECT count(*) FROM source WHERE status = 'ok'").fetchone()[0]


def distributed(folder: Path, count: int, workers: int, broker: str, admin: str) -> float:
    url = fresh_database(admin)
    env = {**os.environ, "DATABASE_URL": url, "KAOJU_BROKER_URL": broker, "KAOJU_QUEUE": f"kaoju.bench.{uuid.uuid4().hex[:8]}"}
    subprocess.run([BIN / "kaoju", "init-db"], env=env, check=True, capture_output=True)
    procs = [subprocess.Popen([BIN / "kaoju", "worker", "--concurrency", "1"], env=env, start_new_session=True,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for _ in range(workers)]
    try:
        time.sleep(3)  # the workers are up and waiting before the clock starts
        started = time.perf_counter()
        subprocess.run([BIN / "kaoju", "enqueue", str(folder)], env=env, check=True, capture_output=True)
        while stored(url) < count:
            time.sleep(0.2)
        return count / (time.perf_counter() - started)
    finally:
        for proc in procs:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait()
        drop_database(admin, url)


def local(folder: Path, count: int, workers: int, admin: str) -> float:
    url = fresh_database(admin)
    env = {**os.environ, "DATABASE_URL": url}
    subprocess.run([BIN / "kaoju", "init-db"], env=env, check=True, capture_output=True)
    try:
        started = time.perf_counter()
        subprocess.run([BIN / "kaoju", "extract", str(folder), "--workers", str(workers)], env=env, check=True,
                       capture_output=True)
        return count / (time.perf_counter() - started)
    finally:
        drop_database(admin, url)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=300, help="distinct pages to extract (default 300)")
    parser.add_argument("--broker", default="amqp://guest:guest@127.0.0.1:5672//", help="Celery broker URL")
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/postgres",
                        help="a PostgreSQL database to create the benchmark's databases from")
    args = parser.parse_args()
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        pages(folder, args.pages)
        rates = {}
        for workers in (1, 2):
            rates["worker", workers] = distributed(folder, args.pages, workers, args.broker, args.postgres)
            rates["extract", workers] = local(folder, args.pages, workers, args.postgres)
        for kind in ("worker", "extract"):
            label = "kaoju worker ×" if kind == "worker" else "kaoju extract --workers "
            for workers in (1, 2):
                print(f"{label}{workers:<3d} {rates[kind, workers]:8.1f} sources/s")
            print(f"{'':26s} 2/1: {rates[kind, 2] / rates[kind, 1]:.2f}×")


if __name__ == "__main__":
    main()
