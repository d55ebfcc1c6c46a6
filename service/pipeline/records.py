"""The pipeline's output: a page's articles, their paragraphs and facts, in raw offsets, frozen.

A fact's fields are declared in service/fact_shape.py (FactRecord); these hold them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..fact_shape import FactRecord


@dataclass(frozen=True)
class PlaceRecord:
    """A resolved place: its code (a village's is its parent's code + name), name, level, and the
    chain of (code, name, level, parent) from the province down to it."""

    code: str
    name: str
    level: str
    path: str
    chain: list[tuple[str, str, str, str]]


@dataclass(frozen=True)
class ParagraphRecord:
    index: int
    start: int
    end: int
    mojibake: bool
    sentences: list[tuple[int, int]] = field(default_factory=list)
    facts: list[FactRecord] = field(default_factory=list)
    kind: str = "body"  # or "heading" (a title, subtitle or kicker) or "caption" (a photo's): figures are facts too


@dataclass(frozen=True)
class ArticleRecord:
    start: int
    body_start: int
    end: int
    title: str | None
    subtitle: str | None
    kicker: str | None
    byline: str | None
    date: str | None
    dated_by: str | None  # page (a printed date line) | dateline (新华社成都9月15日电 with a known year)
    source_name: str | None
    fragment: bool
    continued_at: list[int] = field(default_factory=list)
    place: PlaceRecord | None = None
    year: int | None = None
    paragraphs: list[ParagraphRecord] = field(default_factory=list)
