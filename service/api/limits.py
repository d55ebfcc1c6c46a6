"""How much one client may ask: requests per minute (KAOJU_RATE_LIMIT) and exports streamed at once
(KAOJU_STREAM_LIMIT), per key, or per client address when keys are off. flask-limiter counts the requests;
the counters live in Redis when KAOJU_REDIS_URL is set, so every gunicorn worker and API replica shares
them, else in the process. Every limited answer carries RateLimit-Limit, RateLimit-Remaining and
RateLimit-Reset (seconds until the window resets); one over the limit is a 429 with Retry-After. When Redis
does not answer, each process counts alone until it does: a limit never turns into a 500."""
from __future__ import annotations

import threading
import time

from flask import g, request

from .. import settings
from .problems import TooMany

UNLIMITED = ("/healthz", "/readyz", "/static/", "/docs")
STREAM_LEASE = 3600  # seconds a stream's slot is held at most, should its process die before giving it back


def client() -> str:
    """Whom a limit counts: the key's name, else the client's address."""
    return f"key:{g.key_name}" if g.get("key_name") else f"addr:{request.remote_addr}"


def configured(config: dict) -> tuple[str, int | None, str]:
    """(rate, streams, Redis URL) from the app's config or the settings, checked: a ValueError says which
    setting is wrong and how to write it."""
    rate = (config.get("RATE_LIMIT") or settings.get("KAOJU_RATE_LIMIT") or "").strip()
    streams = str(config.get("STREAM_LIMIT") or settings.get("KAOJU_STREAM_LIMIT") or "").strip()
    redis_url = (config.get("REDIS_URL") or settings.get("KAOJU_REDIS_URL") or "").strip()
    if rate:
        from limits import parse_many

        try:
            parse_many(rate)
        except ValueError:
            raise ValueError(f"KAOJU_RATE_LIMIT={rate!r}: write it as 600/minute, or 10/second;600/minute") from None
    if streams and not (streams.isdigit() and int(streams) > 0):
        raise ValueError(f"KAOJU_STREAM_LIMIT={streams!r}: a whole number of streams, at least 1")
    if redis_url and not redis_url.startswith(("redis://", "rediss://", "unix://")):
        raise ValueError(f"KAOJU_REDIS_URL={redis_url!r}: write it as redis://host:6379/1")
    return rate, int(streams) if streams else None, redis_url


def init_app(app) -> None:
    rate, streams, redis_url = configured(app.config)
    app.extensions.setdefault("kaoju", {})["client_streams"] = ClientStreams(streams, redis_url) if streams else None

    @app.after_request
    def _reset_in_seconds(response):
        """flask-limiter writes the reset as a moment (epoch seconds) and Retry-After on every answer; the
        RateLimit headers give seconds left, and only a refusal says when to retry."""
        reset = response.headers.get("RateLimit-Reset")
        if reset and reset.isdigit() and int(reset) > 10**9:
            response.headers["RateLimit-Reset"] = str(max(0, int(int(reset) - time.time())))
        if reset and response.status_code not in (429, 503):
            response.headers.pop("Retry-After", None)
        return response

    if not rate:
        return
    from flask_limiter import Limiter
    from flask_limiter.errors import RateLimitExceeded

    Limiter(client, app=app, default_limits=[rate], storage_uri=redis_url or "memory://", headers_enabled=True,
            strategy="fixed-window", key_prefix="kaoju",
            default_limits_exempt_when=lambda: request.path.startswith(UNLIMITED) or request.method == "OPTIONS",
            header_name_mapping=_header_names(), swallow_errors=True, in_memory_fallback_enabled=True)

    @app.errorhandler(RateLimitExceeded)
    def _over(exc: RateLimitExceeded):
        from .problems import problem

        response = problem(429, TooMany.title, f"more than {exc.limit.limit} requests from this "
                           f"{'key' if g.get('key_name') else 'address'}; wait before asking again")
        return response


def _header_names() -> dict:
    from flask_limiter import HeaderNames

    return {HeaderNames.LIMIT: "RateLimit-Limit", HeaderNames.REMAINING: "RateLimit-Remaining",
            HeaderNames.RESET: "RateLimit-Reset", HeaderNames.RETRY_AFTER: "Retry-After"}


class ClientStreams:
    """Exports one client streams at once, counted in Redis (shared) or in this process."""

    def __init__(self, limit: int, redis_url: str = ""):
        self.limit = limit
        self.redis = None
        if redis_url:
            import redis

            self.redis = redis.Redis.from_url(redis_url, socket_timeout=2)
        self.counts: dict[str, int] = {}
        self.lock = threading.Lock()

    def take(self, who: str) -> bool:
        """Take a slot for `who`, or raise TooMany; True when Redis counted it (give_back needs to know)."""
        if self.redis is not None:
            import redis

            key = f"kaoju:streams:{who}"
            try:
                held = self.redis.incr(key)
                self.redis.expire(key, STREAM_LEASE)
            except redis.RedisError:  # Redis away: this process counts alone, as without KAOJU_REDIS_URL
                held = None
            if held is not None:
                if held > self.limit:
                    self.redis.decr(key)
                    self._refuse()
                return True
        with self.lock:
            if self.counts.get(who, 0) >= self.limit:
                self._refuse()
            self.counts[who] = self.counts.get(who, 0) + 1
        return False

    def give_back(self, who: str, counted_in_redis: bool = True) -> None:
        if self.redis is not None and counted_in_redis:
            import redis

            try:
                self.redis.decr(f"kaoju:streams:{who}")
            except redis.RedisError:
                pass  # its lease (STREAM_LEASE) runs out instead
            return
        with self.lock:
            self.counts[who] = max(0, self.counts.get(who, 0) - 1)

    def _refuse(self):
        error = TooMany(f"this client already streams {self.limit} export(s) at once (KAOJU_STREAM_LIMIT); "
                        "wait for one to end")
        error.retry_after = 5
        raise error
