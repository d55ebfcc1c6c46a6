"""Every setting kaoju reads, declared once: environment variable, default, help.

The README's configuration table lists exactly these (a test checks it).
"""
from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str

    def value(self) -> str:
        return os.environ.get(self.name, self.default)


SETTINGS = [
    Setting("DATABASE_URL", "sqlite:///instance/kaoju.db",
            "the store: `sqlite:///path.db` or `postgresql://user@host:5432/name`"),
    Setting("KAOJU_WORKERS", "", "gunicorn worker processes for `kaoju serve` (default: 2 × cores, at most 4)"),
    Setting("KAOJU_MAX_STREAMS", "2", "NDJSON/CSV exports one worker process streams at once; more get 503 with "
            "Retry-After, so pages and health checks always find a free thread"),
    Setting("KAOJU_TIMEOUT", "30", "seconds before gunicorn restarts a worker that stopped answering (streamed exports may run longer)"),
    Setting("KAOJU_LOG_LEVEL", "WARNING", "log level of the `kaoju` command"),
    Setting("KAOJU_CORS_ORIGINS", "", "origins allowed to call the API from a browser, comma-separated (`*` for any)"),
    Setting("KAOJU_FRAME_ORIGINS", "", "origins allowed to show `/facts/<id>?embed=1` in a frame, comma-separated "
            "(`https://tool.example.com`); no other page may be framed"),
    Setting("KAOJU_CACHE_CONTROL", "no-cache", "the `Cache-Control` header of API responses"),
    Setting("KAOJU_MAX_FILE_MB", "16", "largest input file `kaoju extract` reads; bigger ones are reported as failed"),
    Setting("KAOJU_MAX_PARAMETERS", "40", "most query parameters a request may carry"),
    Setting("KAOJU_SECRET_KEY", "", "key that signs `next` tokens (default: a random key `kaoju init-db` keeps in the "
            "store, shared by every worker and replica serving it); set it to share tokens across stores"),
    Setting("KAOJU_QUERY_TIMEOUT_MS", "5000", "longest a query may run before the API answers 400"),
    Setting("KAOJU_BROKER_URL", "", "the Celery broker of `kaoju enqueue` and `kaoju worker`: "
            "`amqp://guest:guest@127.0.0.1:5672//` (RabbitMQ) or `redis://127.0.0.1:6379/0`"),
    Setting("KAOJU_QUEUE", "kaoju.extract", "the broker queue `kaoju enqueue` fills and `kaoju worker` empties "
            "(one per corpus, or per test run, sharing a broker)"),
    Setting("KAOJU_MAX_ATTEMPTS", "3", "times a worker may die or time out on one source before it is recorded as failed"),
    Setting("KAOJU_REDIS_VISIBILITY_TIMEOUT", "", "with a Redis broker, seconds before a task a dead worker held "
            "is delivered again (default: KAOJU_TASK_TIME_LIMIT + 60; a shorter one may run a long task twice, "
            "which the store absorbs)"),
    Setting("KAOJU_AUTH", "off", "`keys`: every /v1/ request and page needs an API key (`kaoju keys create`), sent as "
            "`Authorization: Bearer <key>` or `?_key=`; `off`: open to whoever reaches the port"),
    Setting("KAOJU_PUBLIC_EMBED", "", "`1`: with KAOJU_AUTH=keys, embed cards (`/facts/<id>?embed=1`) stay open"),
    Setting("KAOJU_RATE_LIMIT", "", "requests one key (or, with KAOJU_AUTH=off, one client address) may make, as "
            "`600/minute` or `10/second;600/minute`; beyond it 429 with Retry-After (default: no limit)"),
    Setting("KAOJU_STREAM_LIMIT", "", "NDJSON/CSV exports one key (or client address) may stream at once; more get "
            "429 (default: no limit beyond KAOJU_MAX_STREAMS per process)"),
    Setting("KAOJU_REDIS_URL", "", "Redis that keeps the limits' counters, shared by every gunicorn worker and API "
            "replica (`redis://127.0.0.1:6379/1`); without it each process counts alone"),
    Setting("KAOJU_TASK_TIME_LIMIT", "300", "seconds a worker may spend on one source before it is stopped and the "
            "source given to another (an attempt)"),
]
BY_NAME = {s.name: s for s in SETTINGS}


def get(name: str) -> str:
    return BY_NAME[name].value()
