"""Which facts state the same figure, and which contradict each other: 考据 proper.

Facts about the same thing (one place, year, unit, dimension, indicator and measure phrase: a *bucket*)
are grouped into claims. Each fact stands for an interval of values its wording allows:

- a figure is what it says up to its written precision: `1.2亿` is 1.15–1.25亿 (half its last digit), and
  a round `3000万` may be a rounding too, but of no more than 5 % (2850–3150万); `1545` is 1544.5–1545.5;
- `约`/`近`/`左右` (approx) widen that to at least ± 5 %;
- `3000余万` (余/多 inside the mention) is 3000–4000万: up to the next unit of its last written digit;
  `超过`/`以上` outside it bound one side only (`超过1000人`: 1000 and more); `不到` likewise (under);
- a range is its two ends, each with its precision.

Two facts are *compatible* when their intervals overlap. A claim is a set of facts with one value all of
them allow: facts are taken most precise first, each joining the claim (of those it is compatible with)
that the most sources back, or starting one. Its consensus value is the figure most sources state,
else the most precise one (`consensus` says which rule chose it).

Two claims of one bucket *conflict* only when the evidence says they should be one: they are stated in
different articles, neither of which itself states figures of both claims (an article that gives two
values for one wording shows the wording names several things there: 投资 for each of a county's
projects), and their values lie within a factor of MAX_RATIO of each other (figures further apart are
far likelier to be different quantities than a misprint). A wrongly accused fact is worse than a missed
contradiction, so every doubt goes against the conflict.

This module is pure: the store (store/claims.py) hands it facts and keeps what it returns.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

ROUNDING_SHARE = 0.05  # a round figure may stand for a value this far from it, at most
APPROX_SHARE = 0.05  # 约/近/左右 allow at least this much either side
MAX_RATIO = 2.0  # claims further apart than this are taken for different quantities, not a conflict
ATTACHED_OVER = ("余", "多", "餘")  # inside the mention (3000余万元): a bound within the next unit of the last digit
WRITTEN_NUMBER = re.compile(r"\d{1,3}(?:[,， \u00a0\u2009\u202f]\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?")


@dataclass(frozen=True)
class Evidence:
    """A fact as the claims see it: where it was stated, its figure, and the values its wording allows
    ([low, high), from interval())."""

    id: int
    source: int
    article: int
    value: float
    qualifier: str
    low: float
    high: float
    reported: str | None = None  # the article's or page's date, YYYY[-MM[-DD]]

    @classmethod
    def of(cls, id: int, source: int, article: int, value: float, high: float | None, qualifier: str, text: str,
           reported: str | None = None) -> Evidence:
        """A fact's evidence from what was written: its value (a range's low end), high end and mention."""
        return cls(id, source, article, value, qualifier, *interval(value, high, qualifier, text), reported)

    @property
    def span(self) -> tuple[float, float]:
        return self.low, self.high


def step_of(value: float, text: str) -> float:
    """The unit of the last digit written, in the value's (canonical) unit: `1.2亿元` → 10^7, `3000万` →
    10^7 (its trailing zeros), `95.9%` → 0.1. Read from the mention's first arabic number when it has one
    (the factor from written to canonical then follows from the value), else from the value's digits
    (chinese numerals: 三十万 → 10^5)."""
    written = WRITTEN_NUMBER.search(text or "")
    if written:
        digits = re.sub(r"[,， \u00a0\u2009\u202f]", "", written.group())
        number = _decimal(digits)
        if number is not None and number > 0:
            factor = Decimal(repr(abs(value))) / number if value else Decimal(1)
            return float(_digit_unit(number) * factor)
    number = _decimal(repr(abs(value)))
    return float(_digit_unit(number)) if number else 1.0


def _decimal(text: str) -> Decimal | None:
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _digit_unit(number: Decimal) -> Decimal:
    """10^k for the last nonzero digit of an integer (1500 → 100), 10^-d for d decimals written (1.20 → 0.01)."""
    sign, digits, exponent = number.as_tuple()
    if exponent < 0:
        return Decimal(1).scaleb(exponent)
    trailing = len(digits) - len("".join(map(str, digits)).rstrip("0")) if any(digits) else 0
    return Decimal(1).scaleb(exponent + trailing)


def interval(value: float, high: float | None, qualifier: str, text: str) -> tuple[float, float]:
    """The values a fact's wording allows (module docstring), as a closed-open interval [low, high)."""
    step = step_of(value, text)
    if qualifier == "over":
        if any(mark in (text or "") for mark in ATTACHED_OVER):
            return value, value + step
        return value, math.inf
    if qualifier == "under":
        return -math.inf, value + _rounding(value, step)
    if qualifier == "range" and high is not None:
        high_step = step_of(high, "")  # from its digits: the mention's first number is the low end
        return value - _rounding(value, step), high + _rounding(high, high_step)
    tolerance = _rounding(value, step)
    if qualifier == "approx":
        tolerance = max(step / 2, APPROX_SHARE * abs(value))
    if tolerance == 0:
        return value, math.nextafter(value, math.inf)
    return value - tolerance, value + tolerance


def _rounding(value: float, step: float) -> float:
    return min(step / 2, ROUNDING_SHARE * abs(value))


def compatible(a: Evidence, b: Evidence) -> bool:
    """Whether some value is allowed by the wording of both."""
    return _overlap(a.span, b.span)


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return max(a[0], b[0]) < min(a[1], b[1])


@dataclass
class Claim:
    """Facts of one bucket that agree; low/high is the interval all of them allow."""

    facts: list[Evidence] = field(default_factory=list)
    low: float = -math.inf
    high: float = math.inf
    id: int = 0  # its first fact's id: the same facts make the same claim id however often it is rebuilt
    backers: set = field(default_factory=set)  # the sources of its facts

    def add(self, e: Evidence) -> None:
        self.facts.append(e)
        self.low, self.high = max(self.low, e.low), min(self.high, e.high)
        self.id = min(self.id, e.id) if self.id else e.id
        self.backers.add(e.source)

    @property
    def sources(self) -> int:
        return len(self.backers)

    @property
    def articles(self) -> int:
        return len({e.article for e in self.facts})

    def consensus(self) -> tuple[float, str]:
        """(value, rule): the figure most sources state (`most_sources`), the most precise one when they tie
        (`most_precise`), or the only one (`only`). Bounds (over, under) and ranges speak only when no
        plain figure does."""
        plain = [e for e in self.facts if e.qualifier in ("exact", "approx")] or self.facts
        by_value: dict[float, list[Evidence]] = {}
        for e in plain:
            by_value.setdefault(e.value, []).append(e)
        if len(by_value) == 1:
            return plain[0].value, "only"

        def backing(value: float) -> int:
            return len({e.source for e in by_value[value]})

        def precision(value: float) -> float:
            return min(_width(e.span) for e in by_value[value])

        ranked = sorted(by_value, key=lambda v: (-backing(v), precision(v), min(e.id for e in by_value[v])))
        if backing(ranked[0]) > backing(ranked[1]):
            return ranked[0], "most_sources"
        return ranked[0], "most_precise"


def _width(span: tuple[float, float]) -> float:
    return span[1] - span[0]


def group(evidence: list[Evidence]) -> list[Claim]:
    """The claims of one bucket's facts, in the order of their ids."""
    claims: list[Claim] = []
    for e in sorted(evidence, key=lambda e: (_width(e.span), e.id)):
        joinable = [c for c in claims if _overlap((c.low, c.high), e.span)]
        if joinable:
            max(joinable, key=lambda c: (c.sources, len(c.facts), -c.id)).add(e)
        else:
            claim = Claim()
            claim.add(e)
            claims.append(claim)
    return sorted(claims, key=lambda c: c.id)


def conflicts(claims: list[Claim]) -> dict[int, set[int]]:
    """Claim id → the ids of the claims of the same bucket it conflicts with (module docstring)."""
    found: dict[int, set[int]] = {c.id: set() for c in claims}
    if len(claims) < 2:
        return found
    claims_of_article: dict[int, set[int]] = {}
    for c in claims:
        for e in c.facts:
            claims_of_article.setdefault(e.article, set()).add(c.id)
    clear = {article for article, ids in claims_of_article.items() if len(ids) == 1}
    values = {c.id: c.consensus()[0] for c in claims}
    for i, a in enumerate(claims):
        for b in claims[i + 1:]:
            if not _comparable(values[a.id], values[b.id]):
                continue
            # a clear article states one claim only, so the two sets never share an article
            if {e.article for e in a.facts} & clear and {e.article for e in b.facts} & clear:
                found[a.id].add(b.id)
                found[b.id].add(a.id)
    return found


def _comparable(a: float, b: float) -> bool:
    """Both non-zero, of one sign, within MAX_RATIO of each other."""
    if a == 0 or b == 0 or (a < 0) != (b < 0):
        return False
    return max(abs(a), abs(b)) / min(abs(a), abs(b)) <= MAX_RATIO
