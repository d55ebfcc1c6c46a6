"""A crawl's WARC file → one source per HTML page it fetched.

Each `response` record whose HTTP answer is a successful HTML page is a source, known by the WARC's
path and the record's id (`crawl.warc.gz#urn:uuid:…`), with its target URI as the page's address and
the crawl date as the last fallback for its date. Records are found once by walking the file (warcio)
and read again by their offset in the worker that extracts them, so a large crawl is never held in
memory. Other records (requests, metadata, images, redirects, errors) are no pages and are passed over.
"""
from __future__ import annotations

import gzip
import hashlib
import os
import stat
from dataclasses import dataclass
from typing import Iterator

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")


class WarcError(ValueError):
    """A WARC file that cannot be walked; the message says why."""


@dataclass(frozen=True)
class WarcRecord:
    """Where one HTML response sits in its WARC file, and what the crawler recorded of it."""

    warc: str
    offset: int
    record_id: str
    uri: str | None
    crawled: str | None  # YYYY-MM-DD
    sha256: str  # of the page's bytes as served (transfer and content encodings undone)
    size: int

    @property
    def path(self) -> str:
        """The source's path: the WARC file's, then the record's id (no slash, so it stays a file name)."""
        return f"{self.warc}#{self.record_id.strip('<>').replace('/', '%2F')}"


def is_warc(path: str) -> bool:
    """A WARC (or ARC) file by its name, or by its first bytes: WARC/1.x, plain or gzipped."""
    if path.lower().endswith(WARC_SUFFIXES):
        return True
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))  # a FIFO never blocks
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return False
            start = handle.read(5)
            if start[:2] == b"\x1f\x8b":
                handle.seek(0)
                with gzip.open(handle) as inner:
                    return inner.read(5) == b"WARC/"
            return start == b"WARC/"
    except (OSError, EOFError, gzip.BadGzipFile):
        return False


def html_records(path: str, limit: int) -> Iterator[WarcRecord]:
    """Every successful HTML response of the file, in file order; WarcError when the file is not a WARC
    or breaks off. A page over `limit` bytes is still listed: reading it says it is too large."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        with open(path, "rb") as handle:
            records = ArchiveIterator(handle, arc2warc=True)
            for record in records:
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                content_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
                status = record.http_headers.get_statuscode() or ""
                if content_type not in HTML_TYPES or not status.startswith("2"):
                    continue
                digest, size = _digest(record.content_stream(), limit)
                offset = records.get_record_offset()  # asked before the content is read, it skips the content
                headers = record.rec_headers
                yield WarcRecord(path, offset, headers.get_header("WARC-Record-ID") or f"offset-{offset}",
                                 headers.get_header("WARC-Target-URI"), _day(headers.get_header("WARC-Date")),
                                 digest, size)
    except ArchiveLoadFailed as exc:
        raise WarcError(f"not a readable WARC file: {getattr(exc, 'msg', exc)}") from None
    except OSError:
        raise
    except Exception as exc:  # warcio meets a file that only looks like a crawl: a damaged or cut one
        raise WarcError(f"the WARC file breaks off or is damaged ({type(exc).__name__}: {exc})") from None


def read_record(record: WarcRecord, limit: int) -> bytes:
    """The page's bytes of one record, found again by its offset; OSError past `limit` bytes."""
    from warcio.archiveiterator import ArchiveIterator

    with open(record.warc, "rb") as handle:
        handle.seek(record.offset)
        found = next(iter(ArchiveIterator(handle, arc2warc=True)), None)
        if found is None:
            raise OSError("the record is no longer in the WARC file")
        data = found.content_stream().read(limit + 1)
    if len(data) > limit:
        raise OSError(f"the page is over the {limit // (1024 * 1024)} MB limit (KAOJU_MAX_FILE_MB)")
    return data


def _digest(stream, limit: int) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    while size <= limit:
        chunk = stream.read(1 << 16)
        if not chunk:
            break
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def _day(warc_date: str | None) -> str | None:
    """YYYY-MM-DD of a WARC-Date (2020-10-17T08:30:00Z)."""
    return warc_date[:10] if warc_date and len(warc_date) >= 10 and warc_date[4] == "-" else None
