"""API keys as the operator hands them out: their form, their salted hash, and how they are kept out of logs.

A key reads `kj_<id>_<secret>`: the id (8 hex characters) names its row in the store, the secret (32 random
bytes) is what proves it. The store keeps the id and a salted scrypt hash of the secret, never the secret;
a presented key is checked by hashing its secret again and comparing in constant time.
"""
from __future__ import annotations

import hashlib
import hmac
import re
import secrets

PREFIX = "kj_"
PARAMETER = "_key"  # the query-string form of a key, for a browser embed (the weaker option: URLs get logged)
SCOPES = ("read", "export")  # export may also stream NDJSON and CSV
SCRYPT = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}
SHAPE = re.compile(r"^kj_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$")
IN_URL = re.compile(r"((?:^|[?&;])_key=)[^&;#\s]*")
REDACTED = "[redacted]"


def make_key() -> tuple[str, str]:
    """(key id, the whole key): shown once to whoever made it."""
    key_id = secrets.token_hex(4)
    return key_id, f"{PREFIX}{key_id}_{secrets.token_urlsafe(32)}"


def parse(key: str) -> tuple[str, str] | None:
    """(key id, secret) of a well-formed key, else None."""
    match = SHAPE.match(key or "")
    return (match.group(1), match.group(2)) if match else None


def hashed(secret: str, salt: str) -> str:
    return hashlib.scrypt(secret.encode(), salt=bytes.fromhex(salt), **SCRYPT).hex()


def new_salt() -> str:
    return secrets.token_hex(16)


def matches(secret: str, salt: str, expected: str) -> bool:
    """Whether `secret` hashes to `expected`, compared in constant time."""
    return hmac.compare_digest(hashed(secret, salt), expected)


def redact(text: str) -> str:
    """A request line or URL with the value of `_key` replaced: logs never hold a key."""
    return IN_URL.sub(lambda m: m.group(1) + REDACTED, text) if PARAMETER in (text or "") else text
