"""Tables the stages derive from data files (the tagger's dictionary, the gazetteer's names), kept in the
user's cache directory as marshal data, so a run starts by reading them instead of deriving them again.

A cached table is named by what it was made from: its data files and the pipeline's modules (size and
modification time of each), and the Python version, whose marshal format it is. Anything else (no
cache directory, one that cannot be written, a damaged or foreign file) only means the table is derived
again (each file opens with a digest of what it holds); the cache never changes a result.
`KAOJU_CACHE_DIR` moves it; `KAOJU_CACHE_DIR=off` turns it off.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")
FORMAT = 1  # raised when what a table holds changes shape without its module changing
DIGEST = 16  # bytes of the payload's sha256 that open a kept file: a damaged file is never read as a table


def cache_dir() -> Path | None:
    """KAOJU_CACHE_DIR, else $XDG_CACHE_HOME/kaoju, else ~/.cache/kaoju; None when turned off."""
    chosen = os.environ.get("KAOJU_CACHE_DIR", "").strip()
    if chosen.lower() == "off":
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME", "").strip() or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "kaoju"


def cached(name: str, made_from: list[str], derive: Callable[[], T], valid: Callable[[object], bool]) -> T:
    """`derive()`, or what an earlier call with the same files kept: a value marshal can hold (dicts,
    lists, tuples, sets, strings, numbers); `valid` checks the shape of what is read back."""
    folder = cache_dir()
    path = folder / f"{name}-{_key(made_from)}.marshal" if folder else None
    if path is not None:
        try:
            kept = path.read_bytes()
            digest, payload = kept[:DIGEST], kept[DIGEST:]
            if hashlib.sha256(payload).digest()[:DIGEST] == digest:
                value = marshal.loads(payload)
                if valid(value):
                    return value
        except (OSError, EOFError, ValueError, TypeError):
            pass
    value = derive()
    if path is not None:
        _keep(path, value)
    return value


def _key(made_from: list[str]) -> str:
    """The data files and every module of the pipeline (a rule a table is derived by may live in any)."""
    parts = [f"{FORMAT}", f"{sys.version_info[:2]}", f"{marshal.version}"]
    for file in [*made_from, *sorted(str(p) for p in Path(__file__).parent.glob("*.py"))]:
        try:
            stat = os.stat(file)
            parts.append(f"{os.path.abspath(file)}:{stat.st_size}:{stat.st_mtime_ns}")
        except OSError:
            parts.append(f"{file}:missing")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:20]


def _keep(path: Path, value) -> None:
    """Written whole or not at all (another process may be reading or writing the same name)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        try:
            payload = marshal.dumps(value)
            with os.fdopen(handle, "wb") as file:
                file.write(hashlib.sha256(payload).digest()[:DIGEST] + payload)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
        for older in path.parent.glob(f"{path.name.rsplit('-', 1)[0]}-*.marshal"):  # made from other files
            if older != path:
                older.unlink(missing_ok=True)
    except (OSError, ValueError):  # a cache that cannot be written costs the next run its time, nothing else
        pass
