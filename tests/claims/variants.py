"""Seed pages rewritten as another paper would restate them: figures rounded, contradicted, or a year later
and updated. Each rewrite touches only the number inside one mention, so the variant page keeps every
other word and the rewritten fact keeps its place, year and measure; `offset` maps a seed offset to the
variant's."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

NUMBER = re.compile(r"\d+(?:\.\d+)?")
NOT_PLAIN = re.compile(r"[×xX*\-—~～至到/:：,，]")  # products, ranges, fractions, separators: left alone
CONTRADICTING = (Decimal("1.25"), Decimal("0.8"), Decimal("1.1"), Decimal("2.5"))  # 2.5: beyond MAX_RATIO
UPDATING = Decimal("1.1")


def rewritable(fact) -> bool:
    """A plain arabic figure stated exactly, with one number in its mention."""
    return (fact.numeral == "arabic" and fact.qualifier == "exact" and len(NUMBER.findall(fact.text)) == 1
            and not NOT_PLAIN.search(fact.text) and float(NUMBER.search(fact.text).group()) > 0)


def _written(number: Decimal, decimals: int) -> str:
    return f"{number:.{max(decimals, 0)}f}"


def rounded(text: str) -> str | None:
    """The mention with its number rounded to two significant digits (7437人 → 7400人, 1.23亿 → 1.2亿,
    95.9% → 96%), or None when it has no more than two."""
    match = NUMBER.search(text)
    number = Decimal(match.group())
    exponent = number.adjusted() - 1
    result = number.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_UP)
    new = _written(result, -exponent)
    if Decimal(new) == number:
        return None
    return text[:match.start()] + new + text[match.end():]


def scaled(text: str, factor: Decimal) -> str:
    """The mention with its number times `factor`, written with as many decimals as it had, and never equal
    to it (4 × 1.1 is written 5)."""
    match = NUMBER.search(text)
    decimals = len(match.group().partition(".")[2])
    number = Decimal(match.group())
    unit = Decimal(1).scaleb(-decimals)
    result = (number * factor).quantize(unit, rounding=ROUND_HALF_UP)
    if result == number:
        result = number + (unit if factor > 1 else -unit)
    return text[:match.start()] + _written(result, decimals) + text[match.end():]


@dataclass
class Variant:
    """A rewritten page: its text, and what each rewritten seed mention became."""

    raw: str
    rewritten: dict[int, str]  # seed start → "rounded" | "contradicted" | "updated"
    shifts: list[tuple[int, int]]  # (seed offset where a rewrite ends, total shift from there on)

    def offset(self, seed_offset: int) -> int:
        i = bisect.bisect_right([at for at, _ in self.shifts], seed_offset)
        return seed_offset + (self.shifts[i - 1][1] if i else 0)


def rewrite(raw: str, edits: dict[int, tuple[int, str, str]]) -> Variant:
    """`raw` with the mentions at these starts replaced: start → (end, new text, kind)."""
    parts, shifts, position, shift = [], [], 0, 0
    for start in sorted(edits):
        end, new, _ = edits[start]
        parts += [raw[position:start], new]
        shift += len(new) - (end - start)
        shifts.append((end, shift))
        position = end
    parts.append(raw[position:])
    return Variant("".join(parts), {start: kind for start, (_, _, kind) in edits.items()}, shifts)
