"""Runs and attempts: who ran the job and what it did, and the sources workers have started on.

A distributed worker counts an attempt in its own short transaction before it reads a source, so that
the count survives the worker being killed on it; storing the source clears it. `kaoju status` reads
both, with the sources themselves.
"""
from __future__ import annotations

import datetime
import getpass
import os
import re
import socket

from peewee import fn

from .connection import db
from .models import Run, Source, SourceAttempt


def who() -> str:
    """user@host[pid]: enough to find the machine and the process."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = str(os.getuid())
    return f"{user}@{socket.gethostname()}[{os.getpid()}]"


WHO = re.compile(r"(?P<user>.*)@(?P<host>[^@\[]*)\[(?P<pid>\d+)\]")


def run_state(run: dict) -> str:
    """`ended`; else `running` or `gone` when it ran on this host, by whether its process is alive (a
    worker killed with -9 never ends its run); else `elsewhere`, which only its host can tell."""
    if run.get("ended_at"):
        return "ended"
    found = WHO.fullmatch(run.get("who") or "")
    if found is None or found["host"] != socket.gethostname():
        return "elsewhere"
    try:
        os.kill(int(found["pid"]), 0)  # raises PermissionError for a process alive under another user
    except (ProcessLookupError, OverflowError):
        return "gone"
    except PermissionError:
        pass
    return "running"


def start_run(kind: str, extractor_version: str) -> int:
    return Run.insert(kind=kind, extractor_version=extractor_version, who=who()).execute()


def finish_run(run_id: int, **counts: int) -> None:
    """The run ends, with these counts (sources, facts, skipped, failed, queued); a worker's run keeps
    those its tasks added."""
    Run.update(ended_at=datetime.datetime.now(), **counts).where(Run.id == run_id).execute()


def add_to_run(run_id: int, **counts: int) -> None:
    """A worker's run grows by each source it settles."""
    Run.update({getattr(Run, name): getattr(Run, name) + n for name, n in counts.items()}) \
        .where(Run.id == run_id).execute()


def count_attempt(sha: str, path: str) -> int:
    """One more attempt at this source, committed at once; how many there have been, this one included."""
    with db.atomic():
        SourceAttempt.insert(sha256=sha, path=path, attempts=1).on_conflict(
            conflict_target=[SourceAttempt.sha256],
            update={SourceAttempt.attempts: SourceAttempt.attempts + 1,
                    SourceAttempt.last_started_at: datetime.datetime.now()}).execute()
        return SourceAttempt.select(SourceAttempt.attempts).where(SourceAttempt.sha256 == sha).scalar()


def clear_attempts(sha: str) -> None:
    SourceAttempt.delete().where(SourceAttempt.sha256 == sha).execute()


def status(recent_minutes: int = 10) -> dict:
    """Sources stored and failed, sources started and not yet stored, the last runs (each with its
    run_state), and the rate of the last `recent_minutes`."""
    counts = dict(Source.select(Source.status, fn.COUNT(Source.id)).group_by(Source.status).tuples())
    since = datetime.datetime.now() - datetime.timedelta(minutes=recent_minutes)
    recent = Source.select(fn.COUNT(Source.id)).where(Source.extracted_at >= since).scalar() or 0
    runs = [{**run, "state": run_state(run)}
            for run in Run.select().order_by(Run.started_at.desc(), Run.id.desc()).limit(10).dicts()]
    return {"stored": counts.get("ok", 0), "failed": counts.get("failed", 0),
            "started": SourceAttempt.select().count(), "per_minute": recent / recent_minutes, "runs": runs}
