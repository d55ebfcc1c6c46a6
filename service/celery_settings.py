"""Celery's settings for `kaoju enqueue` and `kaoju worker`, in one place, each with why.

The broker only carries the work to do (a path, its sha256, what is known of the source); the store is
the record of what was done. So a task is acknowledged only once its source is committed, a worker
takes one task at a time, and no result backend is kept: `kaoju status` reads the store.
"""
from __future__ import annotations

from . import settings



def queue() -> str:
    return settings.get("KAOJU_QUEUE")


def celery_config(broker: str) -> dict:
    time_limit = int(settings.get("KAOJU_TASK_TIME_LIMIT"))
    visibility = int(settings.get("KAOJU_REDIS_VISIBILITY_TIMEOUT") or time_limit + 60)
    return {
        "broker_url": broker,
        # Keep trying to reach a broker that is starting or restarting instead of exiting.
        "broker_connection_retry_on_startup": True,
        # The store records results; a backend would be a second, unread copy.
        "result_backend": None,
        "task_ignore_result": True,
        # JSON only: a worker never unpickles what another machine sent.
        "task_serializer": "json",
        "accept_content": ["json"],
        "task_default_queue": queue(),
        # Acknowledge after the source is committed: a worker that dies mid-task leaves the message to be
        # delivered again, and the store (one transaction per source) holds all of the source or none of it.
        "task_acks_late": True,
        # A worker process killed by a signal or the OOM killer: put the task back instead of dropping it.
        "task_reject_on_worker_lost": True,
        # A task over its hard time limit is put back too (its attempts are counted in the store, which
        # gives it up after KAOJU_MAX_ATTEMPTS).
        "task_acks_on_timeout": False,
        "task_time_limit": time_limit,
        # One task at a time per process: a long page does not hold others hostage in a prefetch buffer.
        "worker_prefetch_multiplier": 1,
        # A fresh process after many pages keeps the memory of a long run flat.
        "worker_max_tasks_per_child": 1000,
        # Redis has no acknowledgements of its own: a message not acknowledged within this many seconds
        # is delivered again, so it should outlast the longest task (RabbitMQ redelivers when the
        # connection drops and ignores this).
        # Redis sweeps for such messages every `unacked_restore_interval` seconds (kombu's default scans
        # on one sweep in ten: 100 s); a tenth of the timeout, scanning each time, finds them soon after.
        "broker_transport_options": {"visibility_timeout": visibility, "unacked_restore_throttle": 1,
                                     "unacked_restore_interval": min(30, max(1, visibility // 10))},
        # Workers report to `celery inspect` / `celery events` if asked; no one is asked by default.
        "worker_send_task_events": False,
    }


def make_celery(broker: str):
    """The Celery app of kaoju's tasks (service/tasks.py) for this broker."""
    from celery import Celery

    app = Celery("kaoju", include=["service.tasks"])
    app.conf.update(celery_config(broker))
    return app
