"""What a fact is, declared once: the fields the pipeline fills and the store keeps.

`FACT_FIELDS` drives the pipeline's `FactRecord`, the store's `Fact` columns (store/models.py), the writer's
insert, the API body and its marshmallow schema (so the OpenAPI document), and the flat rows of
`kaoju export` and the API's CSV. A field added here appears in all of them; a test holds them equal.
"""
from __future__ import annotations

from dataclasses import dataclass, field, make_dataclass


@dataclass(frozen=True)
class FactField:
    """One field of a fact. `length` bounds a stored string (else it is unbounded text); `api` puts it
    in the API body's top level (the others are under `provenance`)."""

    name: str
    type: type
    help: str
    null: bool = True
    length: int | None = None
    index: bool = False
    api: bool = True


FACT_FIELDS: tuple[FactField, ...] = (
    FactField("start", int, "raw offset of the mention's first character: raw[start:end] is `text`",
              null=False, api=False),
    FactField("end", int, "raw offset just after the mention", null=False, api=False),
    FactField("text", str, "the mention exactly as written in the raw text", null=False, length=255),
    FactField("value", float, "the number in the canonical unit; a range's low end", null=False),
    FactField("high", float, "a range's high end"),
    FactField("qualifier", str, "exact, approx, over, under or range", null=False, length=8),
    FactField("unit", str, "the canonical unit (元, 人, 户, 亩, %…)", null=False, length=16),
    FactField("unit_written", str, "the unit as written, multiplier included (万元)", null=False, length=24),
    FactField("dimension", str, "what kind of quantity: currency, count, area…", null=False, length=16),
    FactField("numeral", str, "arabic or chinese", null=False, length=8),
    FactField("iso", str, "ISO 4217 code of a currency", length=3),
    FactField("measure", str, "a short phrase naming what is measured", length=255),
    FactField("indicator", str, "the taxonomy's indicator code", length=32, index=True),
    FactField("place", str, "the place the number is about, as named", length=255, index=True),
    FactField("place_code", str, "its division code (a village's is its parent's code + name)", length=255,
              index=True),
    FactField("year", int, "the year the number refers to", index=True),
    FactField("in_title", bool, "true for a figure in a title, subtitle or kicker: its body may state it again",
              null=False),
    FactField("sentence", str, "the raw text of the sentence holding the mention", null=False, api=False),
    FactField("sentence_start", int, "raw offset of the sentence", null=False, api=False),
    FactField("sentence_end", int, "raw offset just after the sentence", null=False, api=False),
    FactField("normalised", str, "the mention in the normalised view (simplified, glosses removed)",
              null=False, length=255, api=False),
    FactField("place_rule", str, "the named rule that gave the place (pipeline/resolve.py)", length=32, api=False),
    FactField("year_rule", str, "the named rule that gave the year (pipeline/years.py)", length=32, api=False),
)
FIELDS_BY_NAME = {f.name: f for f in FACT_FIELDS}
API_FIELDS = tuple(f for f in FACT_FIELDS if f.api)

FactRecord = make_dataclass(
    "FactRecord",
    [(f.name, f.type | None if f.null else f.type) for f in FACT_FIELDS]
    + [("place_chain", tuple, field(default=()))],
    frozen=True,
)
FactRecord.__module__ = __name__  # pickled to and from the job's worker processes by this name
FactRecord.__doc__ = """A fact as the pipeline made it, raw offsets, frozen: FACT_FIELDS, and `place_chain`, the
(code, name, level, parent) links from the province down to its place, which the store uses to learn
villages the gazetteer lacks."""
