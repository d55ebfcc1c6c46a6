"""kill -9 at any moment leaves every source fully stored or absent; a rerun finishes with no duplicate.

The job runs as a user runs it (`kaoju extract`, two workers) and is killed with SIGKILL, process group
and all, at several points; the store is compared, source by source, with a clean run's export.
"""
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from service.store.models import Source

from ..claims.checks import assert_claims_as_made_from_scratch
from ..conftest import write_page_variants

BIN = Path(sys.executable).parent
PAGES = 60  # a job long enough for several commits of a batch, and kills between them
IGNORED = {"id", "article"}  # row ids differ between stores; everything else must match


def kaoju(*args, check=True):
    return subprocess.run([BIN / "kaoju", *args], capture_output=True, text=True, check=check)


def snapshot(db_url: str) -> dict[str, dict]:
    """doc → its articles and facts, as `kaoju export` writes them, without store ids."""
    docs: dict[str, dict] = {}
    for table in ("articles", "facts"):
        for line in kaoju("export", "--db", db_url, "--table", table).stdout.splitlines():
            row = json.loads(line)
            doc = docs.setdefault(row["doc"], {"articles": [], "facts": []})
            doc[table].append(json.dumps({k: v for k, v in row.items() if k not in IGNORED | {"fragment_of"}},
                                         ensure_ascii=False, sort_keys=True))
    return {name: {table: sorted(rows) for table, rows in doc.items()} for name, doc in docs.items()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_page_variants(tmp_path_factory.mktemp("crash-corpus"), PAGES)


@pytest.fixture(scope="module")
def clean_run(corpus, tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('clean') / 'clean.db'}"
    kaoju("extract", str(corpus), "--db", url, "--workers", "2", "--no-progress")
    return snapshot(url)


def test_kill_9_at_any_moment_then_a_rerun_matches_a_clean_run(empty_store, corpus, clean_run):
    assert len(clean_run) == PAGES
    rng = random.Random(9)
    stored_when_killed = []
    for more in (0, 3, 3, 4, 4):  # kill when this many more sources are stored, plus a random moment
        target = Source.select().count() + more
        job = subprocess.Popen([BIN / "kaoju", "extract", str(corpus), "--db", empty_store, "--workers", "2",
                                "--no-progress"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
        deadline = time.monotonic() + 60
        while Source.select().count() < target and job.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(rng.uniform(0.0, 1.5) if more == 0 else rng.uniform(0.0, 0.05))
        try:
            os.killpg(job.pid, signal.SIGKILL)
        except ProcessLookupError:  # it finished first: the store must be whole all the same
            pass
        job.wait()
        now = snapshot(empty_store)
        stored_when_killed.append(len(now))
        for name, doc in now.items():
            assert doc == clean_run[name], f"{name} is half stored after kill -9"
        assert Source.select().count() == len(now)
        assert_claims_as_made_from_scratch()
    assert any(0 < n < PAGES for n in stored_when_killed), stored_when_killed  # the kills landed mid-job
    result = kaoju("extract", str(corpus), "--db", empty_store, "--workers", "2", "--no-progress")
    assert f"{PAGES - stored_when_killed[-1]} sources extracted" in result.stderr
    assert snapshot(empty_store) == clean_run
    assert Source.select(Source.sha256).distinct().count() == Source.select().count() == PAGES
    assert_claims_as_made_from_scratch()


def _children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found |= {int(c) for c in (task / "children").read_text().split()}
    return found


def _alive(pid: int) -> bool:
    """Running, not a zombie waiting for whoever adopted it to reap it."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, ProcessLookupError):
        return False


def test_kill_9_of_the_job_alone_takes_its_workers_with_it(tmp_path):
    (tmp_path / "corpus").mkdir()
    corpus = write_page_variants(tmp_path / "corpus", 40)
    job = subprocess.Popen([BIN / "kaoju", "extract", str(corpus), "--db", f"sqlite:///{tmp_path / 'k.db'}",
                            "--workers", "2", "--no-progress"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    workers: set[int] = set()
    while len(workers) < 2 and job.poll() is None and time.monotonic() < deadline:
        workers = _children(job.pid)
        time.sleep(0.05)
    assert len(workers) >= 2, "the job never started its workers"
    os.kill(job.pid, signal.SIGKILL)  # the job only, not its process group, as an OOM killer would
    job.wait()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in workers), "workers outlived the job"


def test_jobs_started_at_once_on_one_store_share_the_work(empty_store, corpus, clean_run):
    """Three `kaoju extract` of one corpus at the same moment: the store equals a clean run's and the
    three summaries together count each source once."""
    jobs = [subprocess.Popen([BIN / "kaoju", "extract", str(corpus), "--db", empty_store, "--workers", "1",
                              "--no-progress"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            for _ in range(3)]
    outputs = [job.communicate(timeout=300)[1] for job in jobs]
    assert [job.returncode for job in jobs] == [0, 0, 0], outputs
    extracted = [int(out.strip().splitlines()[-1].split(" sources extracted")[0]) for out in outputs]
    assert sum(extracted) == PAGES, outputs
    assert snapshot(empty_store) == clean_run
    assert_claims_as_made_from_scratch()
