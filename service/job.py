"""The extraction job: walk inputs → pipeline → store, one transaction per source.

A source whose bytes (sha256) are already stored by this extractor version is skipped, so a rerun
after a crash finishes the work without duplicates. A bad file is stored as a failed source with
its reason and the job goes on.
"""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import signal
import stat
from dataclasses import dataclass, field

from . import settings
from .pipeline import EXTRACTOR_VERSION, extract_text
from .pipeline.decode import DecodeError, decode_source
from .pipeline.webpage import is_webpage, read_webpage
from .source_meta import MetaFile, SourceMeta, is_sidecar, read_sidecar
from .store import writer

log = logging.getLogger(__name__)


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


def extract_file(path: str, meta: SourceMeta = SourceMeta()) -> Extraction | tuple[str, str]:
    """Read, decode and extract one file with what is known of it. Runs in worker processes: no store
    access here.

    Returns (path, reason) when the file cannot be read at all.
    """
    try:
        data = read_bounded(path)
    except OSError as exc:
        return path, f"cannot be read: {exc.strerror or exc}"
    sha = hashlib.sha256(data).hexdigest()
    encoding = raw = warning = original = None
    found, form = SourceMeta(), "text"
    try:
        raw, encoding, warning = decode_source(data)
        if is_webpage(path, raw):
            page = read_webpage(raw)
            original, raw, form = raw, page.text, "html"
            found = SourceMeta(url=page.url, title=page.title, published=page.published, outlet=page.outlet)
        articles, error = extract_text(raw, meta.completed_by(found).published), None
        found = _printed_on_the_page(found, articles)
    except DecodeError as exc:
        articles, error = [], str(exc)
    except Exception as exc:  # an extractor bug must not stop the job; the source records it
        log.exception("extracting %s failed", path)
        articles, error = [], f"the extractor failed: {type(exc).__name__}: {exc}"
    return Extraction(path, sha, len(data), encoding, raw, articles, error, warning, meta, found, original, form)


def _printed_on_the_page(found: SourceMeta, articles) -> SourceMeta:
    """A date line and a source printed on the page (2017-10-17 来源:临汾新闻网) date and credit it, where
    the page's own metadata does not."""
    printed = next((a for a in articles if a.date), None)
    named = next((a.source_name for a in articles if a.source_name), None)
    return dataclasses.replace(found, published=found.published or (printed.date if printed else None),
                               outlet=found.outlet or named)


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
    inputs = iter_inputs(paths, frozenset({os.path.abspath(meta.name)}) if meta else frozenset())
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(inputs), unit="file", desc="extracting")

    def advance():
        if bar is not None:
            bar.set_postfix_str(f"facts={summary.facts} failed={summary.failed}", refresh=False)
            bar.update(1)

    try:
        groups: dict[str, list[str]] = {}  # content hash → every path that holds it, in the order found
        for item in inputs:
            sha = None if item.error else _fingerprint(item.path)
            if shard is not None and not _in_shard(sha or item.path, *shard):
                summary.other_shards += 1
                advance()
            elif item.error:
                _fail(summary, item.path, item.error)
                advance()
            elif sha is None:
                groups.setdefault(f"unreadable:{item.path}", []).append(item.path)
            else:
                groups.setdefault(sha, []).append(item.path)
        todo: dict[str, tuple[str, list[str]]] = {}  # the path to read → (hash, every path holding it)
        known: dict[str, SourceMeta] = {}
        for sha, found in groups.items():
            summary.duplicates += len(found) - 1
            known[min(found)] = _metadata(min(found), paths, meta, summary)
            if not force and not sha.startswith("unreadable:") and writer.already_stored(sha, known[min(found)].as_json(),
                                                                                       EXTRACTOR_VERSION):
                writer.record_paths(sha, found)
                summary.skipped += 1
                for _ in found:
                    advance()
            else:
                todo[min(found)] = (sha, found)
        for result in _map(_extract_job, [(path, known[path]) for path in sorted(todo)], workers):
            sha, found = todo[result[0] if isinstance(result, tuple) else result.path]
            if isinstance(result, tuple):
                for path in found:
                    _fail(summary, path, result[1])
            else:
                store_extraction(result, summary, found, sha, force)
            for _ in found:
                advance()
    finally:
        if bar is not None:
            bar.close()
    return summary


def _extract_job(job: tuple[str, SourceMeta]) -> Extraction | tuple[str, str]:
    return extract_file(*job)


def _map(func, items: list, workers: int):
    """func over items in order: in this process, or in a pool of worker processes."""
    if workers <= 1 or len(items) <= 1:
        yield from map(func, items)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                             initializer=_die_with_parent, initargs=(os.getpid(),)) as pool:
        yield from pool.map(func, items, chunksize=max(1, min(16, len(items) // (workers * 4))))


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
    """Store one extraction (store/writer.py) and count it: a source stored by another job meanwhile
    counts as skipped."""
    n_facts = writer.store_extraction(result, EXTRACTOR_VERSION, paths, sha, force)
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


def _fail(summary: JobSummary, path: str, reason: str) -> None:
    """A file that could not even be read: counted, and recorded in the store too."""
    summary.failed += 1
    summary.failures.append((path, reason))
    writer.record_failure(path, reason, EXTRACTOR_VERSION)


def _metadata(path: str, roots: list[str], meta: MetaFile | None, summary: JobSummary) -> SourceMeta:
    """What is known of the file: its row in the --meta file, else its sidecar, else nothing."""
    found = meta.for_path(path, roots) if meta else None
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


def read_bounded(path: str) -> bytes:
    """The file's bytes, read through a reader that stops at the size limit whatever the file claims
    (a device says it holds 0 bytes and never ends); special files are refused without reading."""
    limit = int(settings.get("KAOJU_MAX_FILE_MB")) * 1024 * 1024
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


