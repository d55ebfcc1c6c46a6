"""The API keys table: made, listed, revoked and looked up here; what a key is and how its hash is made is
service/keys.py's (handed in as functions, so the store imports nothing above it)."""
from __future__ import annotations

import datetime

from peewee import IntegrityError

from .connection import db
from .models import ApiKey


class KeyProblem(ValueError):
    """A key operation that cannot be done; the message says why."""


def create(name: str, scope: str, expires_on: str | None, key_id: str, salt: str, digest: str) -> None:
    """Keep a new key's row; a name (or, once in 4 × 10^9, an id) taken already is a KeyProblem."""
    try:
        with db.atomic():
            ApiKey.create(key_id=key_id, name=name, scope=scope, salt=salt, hash=digest, expires_on=expires_on)
    except IntegrityError:
        if ApiKey.select().where(ApiKey.name == name).exists():
            raise KeyProblem(f"a key named {name!r} exists (a revoked key keeps its name, for the audit trail); "
                             "choose another name") from None
        raise KeyProblem("this key's id is taken by another key: run the command again") from None


def listed() -> list[ApiKey]:
    return list(ApiKey.select().order_by(ApiKey.created_at, ApiKey.id))


def revoke(name: str) -> None:
    updated = (ApiKey.update(revoked_at=datetime.datetime.now())
               .where(ApiKey.name == name, ApiKey.revoked_at.is_null()).execute())
    if not updated:
        known = ApiKey.get_or_none(ApiKey.name == name)
        raise KeyProblem(f"no key is named {name!r}" if known is None else f"the key {name!r} is already revoked")


def find(key_id: str) -> tuple | None:
    """(name, scope, salt, hash, expires_on, revoked) of a key id, read with one plain statement (every
    request with a key asks), or None."""
    row = db.execute_sql(f'SELECT "name", "scope", "salt", "hash", "expires_on", "revoked_at" FROM "api_key" '
                         f'WHERE "key_id" = {db.obj.param}', (key_id,)).fetchone()
    return None if row is None else (*row[:5], row[5] is not None)


def touch(name: str, when: datetime.datetime) -> None:
    ApiKey.update(last_used_at=when).where(ApiKey.name == name).execute()
