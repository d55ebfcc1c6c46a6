"""The extraction job: walk inputs → pipeline → store, one transaction per source.

A source whose bytes (sha256) are already stored by this extractor version is skipped, so a rerun
after a crash finishes the work without duplicates. A bad file is stored as a failed source with
its reason and the job goes on.
"""
from __future__ import annotations

import dataclasses
import gc
import hashlib
import logging
import os
import signal
import stat
import time
from dataclasses import dataclass, field

from . import settings
from .pipeline import EXTRACTOR_VERSION, extract_text
from .pipeline.decode import DecodeError, decode_source
from .pipeline.webpage import is_webpage, read_webpage
from .source_meta import MetaFile, SourceMeta, date_in_url, is_sidecar, read_sidecar
from .warc import WarcError, WarcRecord, html_records, is_warc, read_record
from .store import writer

log = logging.getLogger(__name__)

# Extracted sources are stored in one commit per batch: this many, or what came in this long
BATCH_SOURCES = 32
BATCH_SECONDS = 0.25


@dataclass
class JobSummary:
    """What a run stored: distinct sources (identical files count once), and every file it could not read."""

    sources: int = 0
    articles: int = 0
    facts: int = 0
    skipped: int = 0
    failed: int = 0
    duplicates: int = 0
    other_shards: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)

    def line(self) -> str:
        text = (f"{self.sources} sources extracted, {self.articles} articles, {self.facts} facts, "
                f"{self.skipped} skipped (already stored), {self.failed} failed")
        if self.duplicates:
            text += f", {self.duplicates} files with the same content as another (stored once)"
        return text + (f", {self.other_shards} left to other shards" if self.other_shards else "")


@dataclass
class InputFile:
    path: str
    error: str | None = None
    record: WarcRecord | None = None  # an HTML page inside a WARC file: `path` is the file's, then #record-id


SPECIAL_FILES = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
                 (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def iter_inputs(paths: list[str], exclude: frozenset[str] = frozenset()) -> list[InputFile]:
    """Every file under the given paths, sorted; unreadable paths and special files (FIFOs, sockets,
    devices, also behind a symlink) are reported without being opened, never raised. Metadata files
    (NAME.meta.json sidecars, and the `exclude` paths: the --meta file) describe sources, are none."""
    found: list[InputFile] = []

    def source_file(path: str) -> bool:
        return not is_sidecar(path) and os.path.abspath(path) not in exclude

    for given in paths:
        if not os.path.lexists(given):
            found.append(InputFile(given, "no such file or directory"))
        elif os.path.isdir(given):
            for root, dirs, files in os.walk(given, onerror=lambda e: found.append(InputFile(e.filename, str(e.strerror)))):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(_input(os.path.join(root, f)) for f in sorted(files)
                             if not f.startswith(".") and source_file(os.path.join(root, f)))
        elif source_file(given):
            found.append(_input(given))
    return found


def _input(path: str) -> InputFile:
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return InputFile(path)  # a dangling or looping link: reading it says why
    return InputFile(path, special_file_reason(mode))


def special_file_reason(mode: int) -> str | None:
    """Why a file of this mode is not read (a FIFO would block the job, a device never ends), or None."""
    for test, what in SPECIAL_FILES:
        if test(mode):
            return f"it is {what}, not a regular file; skipped without reading it"
    if not stat.S_ISREG(mode):
        return "it is not a regular file; skipped without reading it"
    return None


@dataclass
class Extraction:
    """What a worker made of one file; stored by the main process in one transaction."""

    path: str
    sha: str
    size: int
    encoding: str | None
    raw: str | None
    articles: list
    error: str | None
    warning: str | None = None
    meta: SourceMeta = SourceMeta()  # what the user gave (--meta, a sidecar)
    found: SourceMeta = SourceMeta()  # what the page says of itself (an HTML page's title, date, site …)
    original: str | None = None  # the decoded file when `raw` was read out of it (an HTML page)
    format: str = "text"  # text | html
    dated_by: str | None = None  # where the page's date came from: meta | page | dateline | url | crawl


def extract_file(path: str, meta: SourceMeta = SourceMeta(), record: WarcRecord | None = None) -> Extraction | tuple[str, str]:
    """Read, decode and extract one file, or one page of a WARC file (`record`), with what is known of
    it. Runs in worker processes: no store access here.

    Returns (path, reason) when the file cannot be read at all.
    """
    try:
        data = read_record(record, _limit()) if record else read_bounded(path)
    except OSError as exc:
        return path, f"cannot be read: {exc.strerror or exc}"
    except Exception as exc:  # a WARC record that no longer reads as one (the file changed meanwhile)
        return path, f"cannot be read: {type(exc).__name__}: {exc}"
    sha = hashlib.sha256(data).hexdigest()
    encoding = raw = warning = original = None
    found, form = SourceMeta(), "text"
    crawled = record.crawled if record else None
    try:
        raw, encoding, warning = decode_source(data)
        if record is not None or is_webpage(path, raw):
            page = read_webpage(raw)
            original, raw, form = raw, page.text, "html"
            found = SourceMeta(url=page.url, title=page.title, published=page.published, outlet=page.outlet)
        known = meta.completed_by(found)
        addressed = date_in_url(known.url)
        articles, error = extract_text(raw, known.published, addressed or crawled), None
        found, dated_by = _dated(meta, found, articles, addressed, crawled)
    except DecodeError as exc:
        articles, error, dated_by = [], str(exc), None
    except Exception as exc:  # an extractor bug must not stop the job; the source records it
        log.exception("extracting %s failed", path)
        articles, error, dated_by = [], f"the extractor failed: {type(exc).__name__}: {exc}", None
    return Extraction(path, sha, len(data), encoding, raw, articles, error, warning, meta, found, original, form,
                      dated_by)


def _dated(meta: SourceMeta, found: SourceMeta, articles, addressed: str | None,
           crawled: str | None) -> tuple[SourceMeta, str | None]:
    """The page's date and where it came from, in order: what the user gave (meta), what the page says
    of itself (its HTML metadata or a date line it prints: 2017-10-17 来源:临汾新闻网), a story's dateline
    (新华社成都9月15日电) with a year known otherwise, the date in its address, the day it was crawled.
    A source printed on the page credits it where nothing else does."""
    named = next((a.source_name for a in articles if a.source_name), None)
    found = dataclasses.replace(found, outlet=found.outlet or named)
    if meta.published:
        return found, "meta"
    if found.published:
        return found, "page"
    for dated_by in ("page", "dateline"):
        article = next((a for a in articles if a.date and a.dated_by == dated_by), None)
        if article is not None:
            return dataclasses.replace(found, published=article.date), dated_by
    for dated_by, day in (("url", addressed), ("crawl", crawled)):
        if day:
            return dataclasses.replace(found, published=day), dated_by
    return found, None


class Progress:
    """A progress bar over a run's inputs, on stderr, once their number is known (or nothing, when off)."""

    def __init__(self, enabled: bool, label: str, summary: JobSummary):
        self.enabled, self.label, self.summary, self.bar = enabled, label, summary, None

    def start(self, total: int) -> None:
        if self.enabled:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="file", desc=self.label)

    def advance(self) -> None:
        if self.bar is not None:
            self.bar.set_postfix_str(f"facts={self.summary.facts} failed={self.summary.failed}", refresh=False)
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


@dataclass
class Plan:
    """The sources a run has to extract: the path to read of each distinct content (its sha256 and every
    path holding it), what is known of each, and the WARC record an HTML page of a crawl sits in."""

    todo: dict[str, tuple[str, list[str]]]  # the path to read → (sha256, every path holding it)
    known: dict[str, SourceMeta]
    records: dict[str, WarcRecord]


def plan_sources(paths: list[str], summary: JobSummary, force: bool = False, shard: tuple[int, int] | None = None,
                 meta: MetaFile | None = None, advance=lambda: None, on_inputs=lambda n: None) -> Plan:
    """Walk the inputs and keep what has to be extracted: files and WARC pages, identical contents once,
    without those already stored by this extractor version (their paths are recorded) unless `force`,
    and without other shards' (`shard=(i, n)`). A file that cannot be read is a failure, counted and
    recorded here. `advance` is called once for each input settled here, `on_inputs` first with their number."""
    inputs = _pages_of_archives(iter_inputs(paths, frozenset({os.path.abspath(meta.name)}) if meta else frozenset()),
                                summary)
    on_inputs(len(inputs))
    records = {item.path: item.record for item in inputs if item.record}
    groups: dict[str, list[str]] = {}  # content hash → every path that holds it, in the order found
    for item in inputs:
        sha = None if item.error else item.record.sha256 if item.record else _fingerprint(item.path)
        if shard is not None and not _in_shard(sha or item.path, *shard):
            summary.other_shards += 1
            advance()
        elif item.error:
            fail_file(summary, item.path, item.error)
            advance()
        elif sha is None:
            groups.setdefault(f"unreadable:{item.path}", []).append(item.path)
        else:
            groups.setdefault(sha, []).append(item.path)
    todo: dict[str, tuple[str, list[str]]] = {}
    known: dict[str, SourceMeta] = {}
    for sha, found in groups.items():
        summary.duplicates += len(found) - 1
        known[min(found)] = _metadata(min(found), paths, meta, summary, records.get(min(found)))
        if not force and not sha.startswith("unreadable:") and writer.already_stored(sha, known[min(found)].as_json(),
                                                                                   EXTRACTOR_VERSION):
            writer.record_paths(sha, found)
            summary.skipped += 1
            for _ in found:
                advance()
        else:
            todo[min(found)] = (sha, found)
    return Plan(todo, known, records)


def run_extraction(paths: list[str], force: bool = False, progress: bool = False, workers: int = 1,
                   shard: tuple[int, int] | None = None, meta: MetaFile | None = None) -> JobSummary:
    """Extract every input file into the store bound to `db`.

    Files already stored by this extractor version (same sha256) are skipped before any work;
    the rest are extracted by `workers` processes and stored here, one transaction per source.
    With `shard=(i, n)` only the files whose content hash falls in shard i of n are taken, so n
    machines can share one corpus and one store without talking to each other. `meta` describes
    sources (url, title, published…); a file it does not name may have a NAME.meta.json beside it.
    """
    summary = JobSummary()
    bar = Progress(progress, "extracting", summary)
    try:
        plan = plan_sources(paths, summary, force, shard, meta, bar.advance, bar.start)
        todo = plan.todo
        pending: list[tuple[Extraction, list[str], str]] = []  # extracted, to be stored in the next commit
        opened = 0.0

        def flush():
            store_extractions(pending, summary, force)
            for _, found, _ in pending:
                for _ in found:
                    bar.advance()
            pending.clear()

        jobs = [(path, plan.known[path], plan.records.get(path)) for path in sorted(todo)]
        for result in _map(_extract_job, jobs, workers):
            sha, found = todo[result[0] if isinstance(result, tuple) else result.path]
            if isinstance(result, tuple):
                for path in found:
                    fail_file(summary, path, result[1])
                    bar.advance()
                continue
            if not pending:
                opened = time.monotonic()
            pending.append((result, found, sha))
            if len(pending) >= BATCH_SOURCES or time.monotonic() - opened >= BATCH_SECONDS:
                flush()
        flush()
    finally:
        bar.close()
    return summary


def _extract_job(job: tuple[str, SourceMeta, WarcRecord | None]) -> Extraction | tuple[str, str]:
    return extract_file(*job)


def _pages_of_archives(inputs: list[InputFile], summary: JobSummary) -> list[InputFile]:
    """The inputs with each WARC file replaced by its HTML pages; a WARC that cannot be walked, or
    holds no HTML page, is a failure named by its path."""
    pages: list[InputFile] = []
    for item in inputs:
        if item.error or not is_warc(item.path):
            pages.append(item)
            continue
        try:
            found = [InputFile(record.path, record=record) for record in html_records(item.path, _limit())]
        except (WarcError, OSError) as exc:
            fail_file(summary, item.path, str(exc) if isinstance(exc, WarcError) else f"cannot be read: {exc.strerror or exc}")
            continue
        if not found:
            fail_file(summary, item.path, "a WARC file with no HTML page in it (no successful text/html response record)")
        pages.extend(found)
    return pages


def _map(func, items: list, workers: int):
    """func over items in order, in a pool of worker processes while this one stores what they return:
    even one worker runs beside the writer. A single item is worked on here."""
    if len(items) <= 1:
        yield from map(func, items)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from .pipeline import warm_up

    warm_up()  # loaded once here, shared by the forked workers instead of loaded by each
    gc.freeze()  # and kept out of the collector's sweeps, which would copy their pages into every worker
    try:
        with ProcessPoolExecutor(max_workers=max(1, workers), mp_context=multiprocessing.get_context("fork"),
                                 initializer=_die_with_parent, initargs=(os.getpid(),)) as pool:
            yield from pool.map(func, items, chunksize=_chunk(len(items), workers))
    finally:
        gc.unfreeze()  # this process goes on (a test, a long run): its objects are collected again


def _chunk(items: int, workers: int) -> int:
    """Pages a worker is handed at a time. One worker gets two, so that its results stream to the writer
    and what is left to store once it is done is small (with 16 the writer ended 0.5 s behind it); several
    get up to 16, since on two cores they and the writer contend for the CPU, and fewer, larger messages
    cost less (0.3 s less in `make bench`)."""
    if workers <= 1:
        return 2
    return max(1, min(16, items // (workers * 4)))


def _die_with_parent(parent_pid: int) -> None:
    """A worker is killed when the job's process dies, even by kill -9 (Linux's PR_SET_PDEATHSIG), and
    exits at once if the job died before the request was in place."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG = 1
    except (OSError, AttributeError):  # not Linux: the pool's own shutdown is all there is
        pass
    if os.getppid() != parent_pid:
        os._exit(1)


def store_extraction(result: Extraction, summary: JobSummary, paths: list[str] | None = None,
                     sha: str | None = None, force: bool = False) -> None:
    """Store one extraction in its own commit and count it."""
    store_extractions([(result, paths, sha)], summary, force)


def store_extractions(items: list[tuple[Extraction, list[str] | None, str | None]], summary: JobSummary,
                      force: bool = False) -> None:
    """Store extractions in one commit (store/writer.py), each source whole or absent, and count them: a
    source stored by another job meanwhile counts as skipped."""
    if not items:
        return
    for (result, paths, sha), n_facts in zip(items, writer.store_extractions(items, EXTRACTOR_VERSION, force)):
        _count(result, summary, paths, sha, n_facts)


def _count(result: Extraction, summary: JobSummary, paths: list[str] | None, sha: str | None,
           n_facts: int | None) -> None:
    if paths is None or result.sha != sha:
        paths = [result.path]  # the file changed after it was fingerprinted: only the one read is known
    if n_facts is None:
        summary.skipped += 1
    elif result.error:
        summary.failed += len(paths)
        summary.failures.extend((path, result.error) for path in paths)
    else:
        summary.sources += 1
        summary.articles += len(result.articles)
        summary.facts += n_facts
        if result.warning:
            summary.warnings.extend((path, result.warning) for path in paths)


def fail_file(summary: JobSummary, path: str, reason: str) -> None:
    """A file that could not even be read: counted, and recorded in the store too."""
    summary.failed += 1
    summary.failures.append((path, reason))
    writer.record_failure(path, reason, EXTRACTOR_VERSION)


def _metadata(path: str, roots: list[str], meta: MetaFile | None, summary: JobSummary,
              record: WarcRecord | None = None) -> SourceMeta:
    """What is known of the file: its row in the --meta file, else its sidecar, else nothing; a WARC
    record's page is at the address the crawler fetched, unless its row says otherwise."""
    found = meta.for_path(path, roots) if meta else None
    if record is not None:
        return (found or SourceMeta()).completed_by(SourceMeta(url=record.uri))
    if found is not None:
        return found
    found, problem = read_sidecar(path)
    if problem:
        summary.warnings.append((path, f"its metadata is not used: {problem}"))
    return found or SourceMeta()


def _fingerprint(path: str) -> str | None:
    """sha256 of the file's bytes, or None when it cannot be read (the worker reports why)."""
    try:
        return hashlib.sha256(read_bounded(path)).hexdigest()
    except OSError:
        return None


def _in_shard(key: str, index: int, count: int) -> bool:
    """Deterministic: the same bytes' sha256 (or path, for an unreadable file) always lands in the same shard."""
    return int(hashlib.sha256(key.encode()).hexdigest(), 16) % count == index


def _limit() -> int:
    """The most bytes a page may have (KAOJU_MAX_FILE_MB)."""
    return int(settings.get("KAOJU_MAX_FILE_MB")) * 1024 * 1024


def read_bounded(path: str) -> bytes:
    """The file's bytes, read through a reader that stops at the size limit whatever the file claims
    (a device says it holds 0 bytes and never ends); special files are refused without reading."""
    limit = _limit()
    # O_NONBLOCK: opening a FIFO that no one writes to returns at once instead of waiting forever
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "rb", buffering=0) as handle:
        reason = special_file_reason(os.fstat(fd).st_mode)
        if reason:
            raise OSError(reason)
        chunks, size = [], 0
        while size <= limit:
            chunk = handle.read(min(1 << 20, limit + 1 - size))
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
            size += len(chunk)
    raise OSError(f"the file is over the {limit // (1024 * 1024)} MB limit (KAOJU_MAX_FILE_MB); "
                  "a news page is far smaller")


