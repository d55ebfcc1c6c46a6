"""schemathesis hooks for bench/fuzz_api.py: values a schema cannot express, for positive cases only.

Two query parameters take values that no JSON Schema can describe, so a generator that follows the
schema makes values the API rightly refuses with a 400:
- `place` must name a place that exists (44,694 divisions and the villages the texts named);
- `next` must be a token this server signed for the same endpoint and filters;
- `sort` must name each key once, in either direction (the pattern allows `value,-value`).
For the cases schemathesis generates as *valid* (positive mode), this hook draws `place` from the
gazetteer, drops `next` (bench/fuzz_api.py fuzzes tokens itself) and keeps each sort key's first
mention. Negative cases are left exactly as generated, so every refusal is still checked.
"""
from __future__ import annotations

import hashlib

import schemathesis

from service.pipeline.places import load_gazetteer

NAMES = sorted({d.name for d in load_gazetteer().divisions.values()})


def _pick(value) -> str:
    """A real place name, chosen by the generated value so a run is reproducible."""
    digest = hashlib.sha256(str(value).encode("utf-8", "surrogatepass")).digest()
    return NAMES[int.from_bytes(digest[:4], "big") % len(NAMES)]


def _first_mentions(sort: str) -> str:
    seen, kept = set(), []
    for key in sort.split(","):
        if key.lstrip("-") not in seen:
            seen.add(key.lstrip("-"))
            kept.append(key)
    return ",".join(kept)


@schemathesis.hook
def map_case(ctx, case):
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive or not case.query:
        return case
    query = dict(case.query)
    query.pop("next", None)
    if isinstance(query.get("place"), str):
        query["place"] = _pick(query["place"])
    if isinstance(query.get("sort"), str):
        query["sort"] = _first_mentions(query["sort"])
    case.query = query
    return case
