"""The closed vocabularies of the query parameters, drawn from the package's reference data (the unit
table and the indicator taxonomy), so a value the store can never hold is a 400 naming its parameter,
and the OpenAPI document lists or patterns exactly what is accepted."""
from __future__ import annotations

import functools
import re

from service.pipeline.indicators import OTHER, load_indicators
from service.pipeline.units import load_units

MULTIPLIERS = "十百千万亿"


@functools.lru_cache(maxsize=1)
def dimensions() -> list[str]:
    return sorted({unit.dimension for unit in load_units().every_unit()})


@functools.lru_cache(maxsize=1)
def indicator_codes() -> list[str]:
    return [*load_indicators(), OTHER]


def _alternatives(words) -> str:
    return "|".join(re.escape(word) for word in sorted(set(words), key=lambda w: (-len(w), w)))


@functools.lru_cache(maxsize=1)
def canonical_units() -> frozenset[str]:
    return frozenset(unit.canonical for unit in load_units().every_unit())


@functools.lru_cache(maxsize=1)
def unit_pattern() -> str:
    """A canonical unit, or a unit as written: a surface of the unit table after at most two multipliers
    (万元, 亿元, 万亩, 千万元)."""
    units = load_units().every_unit()
    canonical = _alternatives(unit.canonical for unit in units)
    written = _alternatives(unit.surface for unit in units)
    return rf"^(?:{canonical}|[{MULTIPLIERS}]{{0,2}}(?:{written}))$"


def list_pattern(words, signed: bool = False) -> str:
    """Comma-separated words from a closed list, each optionally prefixed with `-`."""
    word = ("-?" if signed else "") + f"(?:{_alternatives(words)})"
    return rf"^{word}(?:,{word})*$"
