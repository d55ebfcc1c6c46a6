"""Who may ask (KAOJU_AUTH=keys): every /v1/ request and every page carries a key, as
`Authorization: Bearer <key>` or, for a browser embed, `?_key=` (the weaker option: URLs end up in
histories and in other servers' logs; ours redacts it). Health checks, the OpenAPI document, /docs and
static files stay open; with KAOJU_PUBLIC_EMBED=1 so do embed cards. A key's row is read on every
request, so a revoked key stops at once in every worker; its scrypt hash is checked once per process."""
from __future__ import annotations

import datetime
import hashlib
import threading

from flask import current_app, g, request

from .. import keys, settings
from ..store import keys as stored_keys
from .problems import Forbidden, Unauthorized

MODES = ("off", "keys")
OPEN_PREFIXES = ("/healthz", "/readyz", "/static/", "/docs", "/v1/openapi.json")
TOUCH_EVERY = datetime.timedelta(minutes=1)  # last_used_at is written at most this often per key and process
VERIFIED_CACHE = 4096


def mode(app=None) -> str:
    """The auth mode of the app's config or of KAOJU_AUTH: off or keys (a ValueError for anything else)."""
    chosen = ((app.config.get("AUTH") if app is not None else None) or settings.get("KAOJU_AUTH") or "off")
    chosen = chosen.strip().lower()
    if chosen not in MODES:
        raise ValueError(f"KAOJU_AUTH={chosen!r}: use off or keys")
    return chosen


def init_app(app) -> None:
    app.extensions.setdefault("kaoju", {})["auth"] = mode(app)
    public_embed = str(app.config.get("PUBLIC_EMBED") or settings.get("KAOJU_PUBLIC_EMBED")).strip().lower() in (
        "1", "true", "yes")
    verified: dict[str, str] = {}  # sha256 of a presented key → its id, once its scrypt hash matched
    touched: dict[str, datetime.datetime] = {}
    lock = threading.Lock()

    @app.before_request
    def _authenticate():
        g.key_name = g.key_scope = None
        if app.extensions["kaoju"]["auth"] == "off" or request.method == "OPTIONS":
            return
        if request.path.startswith(OPEN_PREFIXES) or (public_embed and _is_embed()):
            return
        presented = _presented()
        if presented is None:
            raise Unauthorized("this API needs a key: send Authorization: Bearer <key> (or ?_key= in a browser "
                               "embed); the operator makes one with `kaoju keys create`", error=None)
        parsed = keys.parse(presented)
        row = stored_keys.find(parsed[0]) if parsed else None
        if row is None:
            raise Unauthorized("this key is not one of this server's keys")
        name, scope, salt, digest, expires_on, revoked = row
        fingerprint = hashlib.sha256(presented.encode()).hexdigest()
        if verified.get(fingerprint) != parsed[0]:
            if not keys.matches(parsed[1], salt, digest):
                raise Unauthorized("this key is not one of this server's keys")
            with lock:
                if len(verified) >= VERIFIED_CACHE:
                    verified.clear()
                verified[fingerprint] = parsed[0]
        request.environ["kaoju.key"] = name  # the audit names a revoked or expired key's attempts too
        if revoked:
            raise Unauthorized(f"the key {name!r} has been revoked")
        if expires_on and expires_on < datetime.datetime.now(datetime.timezone.utc).date().isoformat():
            raise Unauthorized(f"the key {name!r} expired after {expires_on}")
        g.key_name, g.key_scope = name, scope
        _touch(name, touched, lock)

    @app.url_defaults
    def _keep_the_key(endpoint, values):
        """A page opened with ?_key= links to pages that carry it too (the explorer's links, a fact's page)."""
        if (endpoint or "").startswith("web.") and request and keys.PARAMETER in request.args:
            values.setdefault(keys.PARAMETER, request.args[keys.PARAMETER])


def require(scope: str) -> None:
    """403 unless the request's key has this scope (export includes read); nothing when auth is off."""
    if current_app.extensions["kaoju"]["auth"] == "off" or g.get("key_scope") is None:
        return
    if scope == "export" and g.key_scope != "export":
        raise Forbidden(f"the key {g.key_name!r} may read pages but not stream exports: ask for a key with "
                        "--scope export, or page through the results (format=json)")


def _presented() -> str | None:
    header = request.headers.get("Authorization", "")
    if header[:7].lower() == "bearer ":
        return header[7:].strip() or None
    return request.args.get(keys.PARAMETER) or None


def _is_embed() -> bool:
    return (request.path.startswith("/facts/") and request.args.get("embed", "").lower() in ("1", "true", "yes"))


def _touch(name: str, touched: dict, lock) -> None:
    """Record when the key was last used, at most once a minute per process, from a thread of its own: a
    request never waits for the store's write lock."""
    now = datetime.datetime.now()
    with lock:
        if name in touched and now - touched[name] < TOUCH_EVERY:
            return
        touched[name] = now

    def write():
        from ..store import db

        try:
            with db.connection_context():
                stored_keys.touch(name, now)
        except Exception:  # a busy or unreachable store: the next minute's request tries again
            with lock:
                touched.pop(name, None)

    threading.Thread(target=write, daemon=True).start()
