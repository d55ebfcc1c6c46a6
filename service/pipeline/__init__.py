"""The extraction pipeline: decoded raw text in, plain records with raw offsets out.

    raw ─normalise→ Document(text, offsets) ─layout→ articles ▸ paragraphs ▸ sentences
        ─quantities→ mentions ─places, years, measures, indicators→ facts ─map back→ raw spans

`STAGES` (stages.py) is that list, and the one `extract_text` runs. Nothing here knows about the
store or Flask; `kaoju parse` and the job both call `extract_text`.
"""
from __future__ import annotations

from ..fact_shape import FactRecord
from .quantities import extract_quantities
from .records import ArticleRecord, ParagraphRecord, PlaceRecord
from .stages import STAGES, run_stages

# Bump when a change can alter what is extracted: stored facts record the version that made them.
EXTRACTOR_VERSION = "0.14.118"


def extract_text(raw: str, published: str | None = None, reference: str | None = None) -> list[ArticleRecord]:
    """Run every stage on one decoded page and return its articles with raw offsets.

    `published` (YYYY, YYYY-MM or YYYY-MM-DD, from the source's metadata) dates the page ahead of
    any date the text prints or implies; `reference` (the date in its address, or the day it was
    crawled) dates it only where the text does not, and gives a dateline (新华社成都9月15日电) its year."""
    return run_stages(raw, published, reference)


def warm_up() -> None:
    """Load every table the stages read (gazetteer and its automaton, tagger, script converter, unit patterns)
    by reading one small page: a job does it before it forks its workers, which then share them."""
    from .places import load_gazetteer

    load_gazetteer().build_automaton()
    extract_text("本报讯 2019年，臨縣投資(zī)1000萬元，带动300户贫困人口脱贫。")


__all__ = ["EXTRACTOR_VERSION", "STAGES", "ArticleRecord", "FactRecord", "ParagraphRecord", "PlaceRecord",
           "extract_text", "extract_quantities", "warm_up"]
