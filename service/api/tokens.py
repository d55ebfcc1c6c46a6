"""`next` tokens: opaque to clients, signed with the server's key so that a forged, edited or
borrowed token is refused before any of its contents reach a query.

A token is `base64url(JSON payload) "." base64url(HMAC-SHA256(key, payload)[:16])`. The payload names
the endpoint and the filters it was issued for and the last row's sort keys and id. The key is
KAOJU_SECRET_KEY when set, else a random key that `kaoju init-db` stores once per store, so every
worker and replica serving one store accepts the others' tokens.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import math

from flask import current_app

from .. import settings
from ..store import TOKEN_KEY
from ..store.models import StoreInfo
from .problems import BadParameter

MAC_BYTES = 16
MAX_TOKEN_LENGTH = 4096
MAX_TEXT_KEY = 1000
LARGEST_ID = 2**63 - 1


def _key() -> bytes:
    cache = current_app.extensions.setdefault("kaoju", {})
    if "token_key" not in cache:
        configured = settings.get("KAOJU_SECRET_KEY")
        stored = configured or StoreInfo.get_value(TOKEN_KEY)
        if not stored:
            raise RuntimeError("the store has no token key: run kaoju init-db")
        cache["token_key"] = stored.encode()
    return cache["token_key"]


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def sign(payload: dict) -> str:
    body = json.dumps(payload, separators=(",", ":"), ensure_ascii=False, default=str).encode()
    return _b64(body) + "." + _b64(hmac.new(_key(), body, hashlib.sha256).digest()[:MAC_BYTES])


def refuse(message: str) -> BadParameter:
    return BadParameter(f"the next token {message}", [{"parameter": "next", "message": message}])


def verify(token: str, endpoint: str, filters: str, key_count: int) -> tuple[list, int]:
    """The (sort key values, last id) of a token this server issued for this endpoint and these
    filters, each value checked for its type and range; anything else is a 400 naming `next`."""
    if len(token) > MAX_TOKEN_LENGTH or token.count(".") != 1:
        raise refuse("is not one this API gave out")
    body_text, mac_text = token.split(".")
    try:
        body, mac = _unb64(body_text), _unb64(mac_text)
    except (binascii.Error, ValueError):
        raise refuse("is not one this API gave out") from None
    if _b64(body) != body_text or _b64(mac) != mac_text:  # base64's spare bits let two texts read the same
        raise refuse("is not one this API gave out")
    expected = hmac.new(_key(), body, hashlib.sha256).digest()[:MAC_BYTES]
    if not hmac.compare_digest(mac, expected):
        raise refuse("is not one this API gave out")
    try:
        payload = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise refuse("is not one this API gave out") from None
    if not isinstance(payload, dict) or payload.get("e") != endpoint:
        raise refuse("belongs to another endpoint")
    if payload.get("f") != filters:
        raise refuse("belongs to a query with other filters or another sort; reuse a token only with the "
                     "filters and sort it came from")
    values, last_id = payload.get("k"), payload.get("id")
    if (not isinstance(values, list) or len(values) != key_count or not all(map(_plain_value, values))
            or type(last_id) is not int or not 0 < last_id <= LARGEST_ID):
        raise refuse("is not one this API gave out")
    return values, last_id


def _plain_value(value) -> bool:
    """A sort key as the store gives it: NULL, a 64-bit integer, a finite float or a short text."""
    if value is None:
        return True
    if type(value) is int:
        return -LARGEST_ID - 1 <= value <= LARGEST_ID
    if type(value) is float:
        return math.isfinite(value)
    return isinstance(value, str) and len(value) <= MAX_TEXT_KEY
