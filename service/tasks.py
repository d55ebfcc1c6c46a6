"""The distributed job: `kaoju enqueue` sends one task per source to a Celery broker, `kaoju worker`s run
it. A task runs the same pipeline and the same writer as `kaoju extract`, one transaction per source.

A task is only the work to do: the path of a file every worker can read, the sha256 it had when it was
queued, what is known of the source, the WARC record of a crawled page. The store is the record of what
was done: a task whose source is already stored does nothing, one whose file changed since is reported,
and one that has killed or outlasted its worker KAOJU_MAX_ATTEMPTS times is stored as a failed source.
"""
from __future__ import annotations

import dataclasses
import logging
import os

import peewee
from celery import shared_task
from celery.signals import worker_process_init

from . import settings, store
from .job import Extraction, JobSummary, Plan, Progress, extract_file, fail_file, plan_sources
from .pipeline import EXTRACTOR_VERSION
from .source_meta import MetaFile, SourceMeta
from .store import runs, writer
from .warc import WarcRecord

log = logging.getLogger(__name__)
TASK_NAME = "kaoju.extract_source"
RUN_ENV = "KAOJU_WORKER_RUN"  # the id of the worker's Run row, inherited by its pool's processes
RUN_COUNTS = {"stored": "sources", "skipped": "skipped", "failed": "failed"}


@dataclasses.dataclass
class Queued:
    """What `kaoju enqueue` did: the sources it sent, and the walk's summary (skipped, failed …)."""

    sent: int
    summary: JobSummary


def task_message(path: str, sha: str, paths: list[str], meta: SourceMeta, record: WarcRecord | None,
                 force: bool) -> dict:
    """The JSON a task carries: absolute paths, since workers start elsewhere."""
    return {"path": path, "sha256": sha, "paths": paths, "meta": dataclasses.asdict(meta),
            "record": dataclasses.asdict(record) if record else None, "force": force}


def enqueue(app, paths: list[str], force: bool = False, meta: MetaFile | None = None,
            shard: tuple[int, int] | None = None, progress: bool = False) -> Queued:
    """Walk the inputs as `kaoju extract` does (the same files, limits and skip-if-stored) and send a task
    for each source left to extract; a file that cannot be read is a failure here, as there."""
    summary = JobSummary()
    bar = Progress(progress, "queueing", summary)
    try:
        return _send(app, plan_sources(paths, summary, force, shard, meta, bar.advance, bar.start), summary, force,
                     bar)
    finally:
        bar.close()


def _send(app, plan: Plan, summary: JobSummary, force: bool, bar: Progress) -> Queued:
    sent = 0
    task = app.tasks[TASK_NAME]
    with app.producer_or_acquire() as producer:
        for path in sorted(plan.todo):
            sha, found = plan.todo[path]
            if sha.startswith("unreadable:"):
                result = extract_file(path, plan.known[path], plan.records.get(path))
                reason = result[1] if isinstance(result, tuple) else "it could not be read"
                for each in found:
                    fail_file(summary, each, reason)
            else:
                record = plan.records.get(path)
                if record is not None:
                    record = dataclasses.replace(record, warc=os.path.abspath(record.warc))
                message = task_message(os.path.abspath(path), sha, [os.path.abspath(p) for p in found],
                                       plan.known[path], record, force)
                task.apply_async(args=[message], producer=producer)
                sent += 1
            for _ in found:
                bar.advance()
    return Queued(sent, summary)


@worker_process_init.connect
def _open_store(**_):
    """Each process of a worker's pool opens its own connections to the store (none cross a fork)."""
    store.open_database(store.database_url())


# The store cannot be reached or dropped the connection: the task is sent again later, with a growing
# delay (up to a minute, for about half an hour), instead of being acknowledged as failed and lost.
STORE_ERRORS = (peewee.OperationalError, peewee.InterfaceError)


@shared_task(name=TASK_NAME, autoretry_for=STORE_ERRORS, retry_backoff=2, retry_backoff_max=60, retry_jitter=True,
             max_retries=30)
def extract_source(message: dict) -> str:
    """Extract and store one source; returns what became of it: stored, skipped or failed. The worker's
    run in the store (RUN_ENV, set by `kaoju worker`) counts it."""
    with store.db.connection_context():
        outcome, facts = settle(message)
        run_id = os.environ.get(RUN_ENV)
        if run_id:
            runs.add_to_run(int(run_id), **{RUN_COUNTS[outcome]: 1}, facts=facts)
    log.info("%s: %s", message["path"], outcome)
    return outcome


def settle(message: dict) -> tuple[str, int]:
    """(stored | skipped | failed, facts stored)."""
    path, sha, paths, force = message["path"], message["sha256"], message["paths"], message.get("force", False)
    meta = SourceMeta(**message["meta"])
    record = WarcRecord(**message["record"]) if message.get("record") else None
    if not force and writer.already_stored(sha, meta.as_json(), EXTRACTOR_VERSION):
        writer.record_paths(sha, paths)
        runs.clear_attempts(sha)
        return "skipped", 0
    attempts = runs.count_attempt(sha, path)
    limit = int(settings.get("KAOJU_MAX_ATTEMPTS"))
    if attempts > limit:
        reason = (f"given up after {limit} attempts: its worker died or ran out of time (KAOJU_TASK_TIME_LIMIT) "
                  "on it each time")
        return _failed(Extraction(path, sha, 0, None, None, [], reason, meta=meta), paths, sha)
    result = extract_file(path, meta, record)
    if isinstance(result, tuple):
        return _failed(Extraction(path, sha, 0, None, None, [], result[1], meta=meta), paths, sha)
    if result.sha != sha:
        reason = (f"its bytes changed after it was queued (sha256 {result.sha[:16]}…, queued as {sha[:16]}…): "
                  "enqueue it again")
        for each in paths:
            writer.record_failure(each, reason, EXTRACTOR_VERSION)
        runs.clear_attempts(sha)
        return "failed", 0
    stored = writer.store_extractions([(result, paths, sha)], EXTRACTOR_VERSION, force)[0]
    runs.clear_attempts(sha)
    return ("skipped" if stored is None else "failed" if result.error else "stored"), stored or 0


def _failed(result: Extraction, paths: list[str], sha: str) -> tuple[str, int]:
    """A source that will not be extracted, stored as failed under its own hash: a later enqueue skips it
    (as `kaoju extract` skips a file it failed on) unless --force."""
    writer.store_extractions([(result, paths, sha)], EXTRACTOR_VERSION, force=True)
    runs.clear_attempts(sha)
    return "failed", 0
