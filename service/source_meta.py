"""What a user knows about a source besides its bytes: where it came from and when it was published.

Read from `kaoju extract --meta FILE.jsonl` (one JSON object per source) or from a sidecar
`NAME.meta.json` beside the file. Web pages seldom print their year; `published` dates the page when
the text does not, so relative years (今年, 去年) and undated sentences get one.
"""
from __future__ import annotations

import datetime
import json
import os
import re
import stat
from dataclasses import asdict, dataclass, field

FIELDS = ("url", "title", "published", "outlet", "section", "language")
SIDECAR_SUFFIX = ".meta.json"
PUBLISHED = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
# A date in a page's address: /2021-09/28/, /202010/17/t20201017_, /20170915/, /2017-09-04/, content_20201021
URL_DATE = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})[-/_]?(0[1-9]|1[0-2])[-/_]?(0[1-9]|[12][0-9]|3[01])(?![0-9])")
# …or only its month or its year, as a folder of its own: /zhzx/201909/00000664.html, /news/2019-09/, /html/2020/
URL_MONTH = re.compile(r"/((?:19|20)[0-9]{2})(?:[-_]?(0[1-9]|1[0-2]))?/")
MAX_VALUE_CHARS = 2000
MAX_META_FILE_BYTES = 256 * 1024 * 1024  # a row is a few hundred bytes: a million sources fit many times over


class MetaError(ValueError):
    """A metadata row that cannot be used; the message says which field and why."""


@dataclass(frozen=True)
class SourceMeta:
    url: str | None = None
    title: str | None = None
    published: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    outlet: str | None = None
    section: str | None = None
    language: str | None = None

    def completed_by(self, found: "SourceMeta") -> "SourceMeta":
        """This metadata with the fields it lacks taken from what the page says of itself (found):
        what the user gave wins."""
        return SourceMeta(**{k: v if v is not None else getattr(found, k) for k, v in asdict(self).items()})

    def as_json(self) -> str | None:
        """The canonical JSON stored with the source (None when nothing is known): a rerun with the same
        metadata finds it unchanged, a rerun with other metadata re-extracts the source."""
        known = {k: v for k, v in asdict(self).items() if v is not None}
        return json.dumps(known, ensure_ascii=False, sort_keys=True) if known else None


def date_in_url(url: str | None) -> str | None:
    """The day a page's address names (YYYY-MM-DD), else the month or year a folder of it names (YYYY-MM,
    YYYY), or None: news sites file pages by date.

    >>> date_in_url("http://example.cn/html/2021-09/28/content_51744804.htm"), date_in_url("http://x.cn/a/63540350/")
    ('2021-09-28', None)
    >>> date_in_url("http://example.cn/zhzx/201909/00000664.html"), date_in_url("http://x.cn/p/209913/1.html")
    ('2019-09', None)
    >>> date_in_url("https://example.cn/html/2020/dangjian_0612/33333.html"), date_in_url("http://x.cn/2077/1.html")
    ('2020', None)
    """
    today = datetime.date.today()
    for match in URL_DATE.finditer(url or ""):
        year, month, day = (int(part) for part in match.groups())
        try:
            day_named = datetime.date(year, month, day)
        except ValueError:
            continue
        if day_named <= today:
            return day_named.isoformat()
    for match in URL_MONTH.finditer(url or ""):
        year, month = int(match.group(1)), int(match.group(2) or 0)
        if (year, month) <= (today.year, today.month):
            return f"{year:04d}-{month:02d}" if month else f"{year:04d}"
    return None


def parse_meta(obj, allow_path: bool = True) -> tuple[str | None, SourceMeta]:
    """(path, metadata) from one decoded JSON object; MetaError names the first bad field."""
    if not isinstance(obj, dict):
        raise MetaError(f"expected a JSON object, found {type(obj).__name__}")
    known = set(FIELDS) | ({"path"} if allow_path else set())
    unknown = sorted(k for k in obj if k not in known)
    if unknown:
        raise MetaError(f"unknown field {unknown[0]!r}; the fields are {', '.join(sorted(known))}")
    values = {}
    for name in (("path",) if allow_path else ()) + FIELDS:
        value = obj.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            raise MetaError(f"field {name!r} must be a string, found {type(value).__name__}")
        value = value.strip()
        if not value or "\x00" in value:
            raise MetaError(f"field {name!r} is empty" if not value else f"field {name!r} holds a NUL character")
        if len(value) > MAX_VALUE_CHARS:
            raise MetaError(f"field {name!r} is longer than {MAX_VALUE_CHARS} characters")
        values[name] = value
    if "published" in values:
        values["published"] = _published(values["published"])
    path = values.pop("path", None)
    if allow_path and path is None:
        raise MetaError("field 'path' is missing: it names the file the row describes")
    return path, SourceMeta(**values)


def _published(value: str) -> str:
    """YYYY, YYYY-MM or YYYY-MM-DD, a real date between 1900 and next year."""
    match = PUBLISHED.fullmatch(value)
    if not match:
        raise MetaError(f"field 'published' is {value!r}; write YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(part) if part else None for part in match.groups())
    if not 1900 <= year <= datetime.date.today().year + 1:
        raise MetaError(f"field 'published' has the year {year}, outside 1900–{datetime.date.today().year + 1}")
    try:
        datetime.date(year, month or 1, day or 1)
    except ValueError:
        raise MetaError(f"field 'published' is {value!r}, which is not a date") from None
    return value


@dataclass
class MetaFile:
    """The rows of a --meta file, keyed by the path each names; `errors` are (line, reason)."""

    name: str
    rows: dict[str, tuple[int, SourceMeta]] = field(default_factory=dict)
    errors: list[tuple[int, str]] = field(default_factory=list)
    used: set[int] = field(default_factory=set)

    def for_path(self, path: str, roots: list[str]) -> SourceMeta | None:
        """The row naming this input file: by the path as found, relative to one of the PATHS given,
        absolute, or by base name alone."""
        for key in _keys(path, roots):
            if key in self.rows:
                line, meta = self.rows[key]
                self.used.add(line)
                return meta
        return None

    def unused(self) -> list[tuple[int, str]]:
        """Rows that matched no input file: reported, never fatal."""
        lines = {line: key for key, (line, _) in self.rows.items()}
        return [(line, f"no file under the given paths is {lines[line]!r}") for line in sorted(set(lines) - self.used)]


def _keys(path: str, roots: list[str]) -> list[str]:
    keys = [os.path.normpath(path), os.path.abspath(path)]
    for root in roots:
        inside = os.path.abspath(root) + os.sep
        if os.path.abspath(path).startswith(inside):
            keys.append(os.path.abspath(path)[len(inside):])
    keys.append(os.path.basename(path))
    return keys


def load_meta_file(path: str) -> MetaFile:
    """Every row of a JSONL metadata file; bad rows are kept as errors naming their line, and the
    first row naming a path wins over later ones (also reported). OSError when the path is not a
    regular file of a sane size (a FIFO would block, a device never ends)."""
    result = MetaFile(path)
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError("it is not a regular file")
        if info.st_size > MAX_META_FILE_BYTES:
            raise OSError(f"it is over {MAX_META_FILE_BYTES // (1024 * 1024)} MB")
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line.decode("utf-8-sig" if number == 1 else "utf-8"))  # a BOM from Notepad
                named, meta = parse_meta(obj)
            except UnicodeDecodeError:
                result.errors.append((number, "the line is not UTF-8"))
                continue
            except json.JSONDecodeError as exc:
                result.errors.append((number, f"not JSON: {exc.msg} at column {exc.colno}"))
                continue
            except MetaError as exc:
                result.errors.append((number, str(exc)))
                continue
            key = os.path.normpath(named)
            if key in result.rows:
                result.errors.append((number, f"{named!r} is described already on line {result.rows[key][0]}"))
                continue
            result.rows[key] = (number, meta)
    return result


def is_sidecar(path: str) -> bool:
    return path.endswith(SIDECAR_SUFFIX)


def read_sidecar(path: str) -> tuple[SourceMeta | None, str | None]:
    """The metadata in NAME.meta.json (or STEM.meta.json) beside the file: (meta, None), (None, None)
    when there is none, or (None, reason) when it cannot be used."""
    stem = os.path.splitext(path)[0]
    for candidate in (path + SIDECAR_SUFFIX, stem + SIDECAR_SUFFIX):
        if os.path.isfile(candidate):
            try:
                with open(candidate, "rb") as handle:
                    data = handle.read(1 << 20)
                return parse_meta(json.loads(data.decode("utf-8-sig")), allow_path=False)[1], None
            except (OSError, UnicodeDecodeError, json.JSONDecodeError, MetaError) as exc:
                return None, f"{os.path.basename(candidate)}: {exc}"
    return None, None
