"""A paragraph cut into runs of plain text and fact mentions, for <mark>/<u> in the HTML views."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Run:
    text: str
    fact_id: int | None = None
    current: bool = False  # the fact the page is about


def runs(text: str, offset: int, spans: list[tuple[int, int, int]], current: int | None = None) -> list[Run]:
    """`text` starts at raw offset `offset`; spans are (start, end, fact id) in raw offsets.

    Spans that overlap an earlier one are skipped (a mention is never shown twice), so the runs
    always join back into `text`.
    """
    out: list[Run] = []
    at = 0
    for start, end, fact_id in sorted(spans):
        start, end = start - offset, end - offset
        if start < at or end > len(text) or start >= end:
            continue
        if start > at:
            out.append(Run(text[at:start]))
        out.append(Run(text[start:end], fact_id, fact_id == current))
        at = end
    if at < len(text):
        out.append(Run(text[at:]))
    return out
