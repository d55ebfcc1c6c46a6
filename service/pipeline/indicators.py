"""The indicator taxonomy (indicators.json) and the rule that gives each fact one indicator."""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources

OTHER = "other"
OUTSIDE_CLAUSE_PENALTY = 100


@dataclass(frozen=True)
class Indicator:
    code: str
    label: str
    description: str
    dimensions: tuple[str, ...]
    keywords: tuple[str, ...]


@functools.lru_cache(maxsize=1)
def load_indicators() -> dict[str, Indicator]:
    data = json.loads(resources.files(__package__).joinpath("indicators.json").read_text(encoding="utf-8"))
    table: dict[str, Indicator] = {}
    for row in data["indicators"]:
        if row["code"] in table:
            raise ValueError(f"indicator {row['code']!r} is listed twice")
        table[row["code"]] = Indicator(row["code"], row["label"], row["description"], tuple(row["dimensions"]),
                                       tuple(row["keywords"]))
    return table


def classify(text: str, start: int, end: int, dimension: str, clause: tuple[int, int],
             sentence: tuple[int, int]) -> str:
    """The indicator of a mention at [start, end): its nearest keyword, clause first, that fits its dimension.

    >>> classify("向临县捐赠1000万元现金", 7, 13, "currency", (0, 15), (0, 15))
    'donation'
    >>> classify("贫困发生率降至0.73%", 7, 12, "percent", (0, 12), (0, 12))
    'poverty_rate'
    """
    best: tuple[int, int, str] | None = None
    s_start, s_end = sentence
    window = text[s_start:s_end]
    for indicator in load_indicators().values():
        if dimension not in indicator.dimensions:
            continue
        for keyword in indicator.keywords:
            at = window.find(keyword)
            while at >= 0:
                k_start, k_end = s_start + at, s_start + at + len(keyword)
                distance = start - k_end if k_end <= start else (k_start - end if k_start >= end else 0)
                if not (clause[0] <= k_start and k_end <= clause[1]):
                    distance += OUTSIDE_CLAUSE_PENALTY
                rank = (max(distance, 0), -len(keyword), indicator.code)
                if best is None or rank < best:
                    best = rank
                at = window.find(keyword, at + 1)
    return best[2] if best else OTHER
