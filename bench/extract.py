"""Extraction speed on the seeds repeated to ≥ 5 MB: the whole job (files → SQLite store), the
pipeline alone, and plain jieba.lcut on the same text, in characters/s, with their ratios; and the
start-up: a whole `kaoju extract` of one short page into a store that exists (median of 5).

    python bench/extract.py [--mb 5]

Prints the machine it ran on. The figures are a benchmark, not a test: nothing asserts on them.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from machine import machine

ROOT = Path(__file__).resolve().parent.parent


def corpus(megabytes: float) -> list[str]:
    pages = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    out, size = [], 0
    while size < megabytes * 1024 * 1024:
        for page in pages:
            out.append(page)
            size += len(page.encode("utf-8"))
    return out


def timed(label: str, func, pages: list[str]) -> float:
    chars = sum(len(p) for p in pages)
    started = time.perf_counter()
    for page in pages:
        func(page)
    seconds = time.perf_counter() - started
    report(label, chars, seconds)
    return seconds


def report(label: str, chars: int, seconds: float, extra: str = "") -> None:
    print(f"{label:28s} {chars:>10,d} chars  {seconds:7.2f} s  {chars / seconds:>12,.0f} chars/s{extra}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=5.0, help="size of the corpus in MB of UTF-8 (default 5)")
    args = parser.parse_args()
    import jieba

    from service import store
    from service.job import run_extraction
    from service.reference import reference_data
    from service.pipeline import extract_text

    pages = corpus(args.mb)
    print(f"machine: {machine()}")
    print(f"corpus: {len(pages)} pages, {sum(len(p.encode()) for p in pages) / 1e6:.1f} MB")
    extract_text(pages[0])
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        for i, page in enumerate(pages):
            # A page number keeps each copy's bytes (and sha256) distinct, so none is skipped.
            (folder / f"{i:05d}.txt").write_text(f"{page}\n第{i}版\n", encoding="utf-8")
        chars = sum(len(p) for p in pages)
        job = {}
        for workers in sorted({1, os.cpu_count() or 1}):
            store.open_database(f"sqlite:///{tmp}/bench-{workers}.db")
            store.init_db(reference_data())
            started = time.perf_counter()
            with store.db.connection_context():
                summary = run_extraction([str(folder)], workers=workers)
            seconds = time.perf_counter() - started
            job[workers] = seconds
            report(f"kaoju extract, {workers} worker{'s' if workers > 1 else ''}", chars, seconds,
                   f"  ({summary.facts:,d} facts, SQLite)")
        startup = start_up(Path(tmp), f"sqlite:///{tmp}/bench-1.db")
    pipeline = timed("kaoju pipeline (1 process)", extract_text, pages)
    jieba_seconds = timed("jieba.lcut alone", tokenizer.lcut, pages)
    print(f"ratios: extract 1 worker / jieba.lcut {jieba_seconds / job[1]:.2f}×, pipeline / jieba.lcut "
          f"{jieba_seconds / pipeline:.2f}×, {max(job)} workers / 1 worker {job[1] / job[max(job)]:.2f}×")
    print(f"start-up: `kaoju extract` of one short page into an existing store {startup:.2f} s (median of 5)")


def start_up(tmp: Path, url: str) -> float:
    """Wall time of the whole command on a page of one sentence: imports, tables, store, page, commit."""
    kaoju = Path(sys.executable).with_name("kaoju")
    times = []
    for i in range(5):
        page = tmp / f"short-{i}.txt"
        page.write_text(f"本报讯 2019年，临县投资{i + 1}000万元，带动300户贫困人口脱贫。\n", encoding="utf-8")
        started = time.perf_counter()
        subprocess.run([str(kaoju), "extract", str(page)], check=True, capture_output=True,
                       env={**os.environ, "DATABASE_URL": url})
        times.append(time.perf_counter() - started)
    return statistics.median(times)


if __name__ == "__main__":
    main()
