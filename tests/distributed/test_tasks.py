"""What a worker does with one task, run in this process on both stores: store, skip, refuse changed
bytes, give up after its attempts."""
import hashlib
import json

from service.job import JobSummary, plan_sources
from service.source_meta import SourceMeta
from service.store import runs
from service.store.models import Source, SourceAttempt
from service.tasks import settle, task_message

from ..conftest import SEEDS

PAGE = sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8")


def message_for(path, force=False) -> dict:
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    message = task_message(str(path), sha, [str(path)], SourceMeta(), None, force)
    return json.loads(json.dumps(message))  # what the broker carries


def test_a_task_stores_its_source_once(empty_store, tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    message = message_for(path)
    outcome, facts = settle(message)
    assert outcome == "stored" and facts > 20
    assert settle(message) == ("skipped", 0)  # delivered again after its commit: nothing twice
    assert Source.select().count() == 1 and SourceAttempt.select().count() == 0


def test_bytes_that_changed_since_the_task_was_queued_are_reported_not_extracted(empty_store, tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    message = message_for(path)
    path.write_text(PAGE.replace("2", "3"), encoding="utf-8")
    assert settle(message) == ("failed", 0)
    (source,) = Source.select()
    assert source.status == "failed" and "changed after it was queued" in source.error
    assert not Source.select().where(Source.sha256 == message["sha256"]).exists()


def test_a_source_its_workers_died_on_is_failed_after_the_last_attempt(empty_store, tmp_path, monkeypatch):
    monkeypatch.setenv("KAOJU_MAX_ATTEMPTS", "2")
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    message = message_for(path)
    for _ in range(2):  # two workers took it and died before storing it
        runs.count_attempt(message["sha256"], str(path))
    assert settle(message) == ("failed", 0)
    source = Source.get(Source.sha256 == message["sha256"])
    assert source.status == "failed" and "given up after 2 attempts" in source.error
    assert SourceAttempt.select().count() == 0
    assert settle(message) == ("skipped", 0)  # a later delivery, or enqueue, leaves it failed
    assert settle({**message, "force": True})[0] == "stored"


def test_enqueue_and_extract_plan_the_same_sources(empty_store, tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(PAGE, encoding="utf-8")  # the same bytes twice: one source
    (folder / "c.txt").write_text(PAGE + "\n第9版\n", encoding="utf-8")
    summary = JobSummary()
    plan = plan_sources([str(folder)], summary)
    assert sorted(len(found) for _, found in plan.todo.values()) == [1, 2] and summary.duplicates == 1


def test_the_pages_of_a_crawl_go_through_tasks_as_through_extract(empty_store, tmp_path):
    from service.store.models import Fact

    from ..store.test_warc import MARKED, UNDATED, WIRE, write_warc

    (tmp_path / "crawls").mkdir()
    write_warc(tmp_path / "crawls" / "crawl.warc.gz", [WIRE, UNDATED, MARKED])
    plan = plan_sources([str(tmp_path / "crawls")], JobSummary())
    assert len(plan.todo) == 3
    for path, (sha, found) in plan.todo.items():
        message = json.loads(json.dumps(task_message(path, sha, found, plan.known[path], plan.records[path], False)))
        assert settle(message)[0] == "stored"
    assert {(s.url, s.published_source) for s in Source.select()} == {
        (WIRE[0], "dateline"), (UNDATED[0], "crawl"), (MARKED[0], "page")}
    assert Fact.select().count() == 7


def test_a_run_that_never_ended_is_running_or_gone_by_its_process():
    import datetime
    import socket
    import subprocess
    import sys

    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                              text=True, check=True)
    here = socket.gethostname()
    assert runs.run_state({"ended_at": datetime.datetime.now(), "who": runs.who()}) == "ended"
    assert runs.run_state({"ended_at": None, "who": runs.who()}) == "running"
    assert runs.run_state({"ended_at": None, "who": f"me@{here}[{finished.stdout.strip()}]"}) == "gone"
    assert runs.run_state({"ended_at": None, "who": f"me@{here}[99999999999999999999]"}) == "gone"
    assert runs.run_state({"ended_at": None, "who": "me@another-host.example[1]"}) == "elsewhere"
    assert runs.run_state({"ended_at": None, "who": "forged"}) == "elsewhere"
