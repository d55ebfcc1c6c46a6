"""The extraction pipeline: decoded raw text in, plain records with raw offsets out.

    raw ─normalise→ Document(text, offsets) ─layout→ articles ▸ paragraphs ▸ sentences
        ─quantities→ mentions ─resolve→ facts ─map back→ raw spans

Nothing here knows about the store or Flask; `kaoju parse` and the job both call `extract_text`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .document import Document
from .layout import layout
from .normalise import normalise
from .quantities import QuantityMention, extract_quantities
from .resolve import resolve_year

# Bump when a change can alter what is extracted: stored facts record the version that made them.
EXTRACTOR_VERSION = "0.4.0"

STAGES = ("decode", "normalise", "layout", "quantities", "resolve", "map back")


@dataclass
class FactRecord:
    start: int
    end: int
    text: str
    value: float
    high: float | None
    qualifier: str
    unit: str
    unit_written: str
    dimension: str
    numeral: str
    sentence_start: int
    sentence_end: int
    normalised: str
    iso: str | None = None
    measure: str | None = None
    place: str | None = None
    year: int | None = None


@dataclass
class ParagraphRecord:
    index: int
    start: int
    end: int
    mojibake: bool
    sentences: list[tuple[int, int]] = field(default_factory=list)
    facts: list[FactRecord] = field(default_factory=list)


@dataclass
class ArticleRecord:
    start: int
    body_start: int
    end: int
    title: str | None
    subtitle: str | None
    kicker: str | None
    byline: str | None
    date: str | None
    source_name: str | None
    fragment: bool
    continued_at: list[int] = field(default_factory=list)
    paragraphs: list[ParagraphRecord] = field(default_factory=list)


def extract_text(raw: str) -> list[ArticleRecord]:
    """Run every stage on one decoded page and return its articles with raw offsets."""
    doc = normalise(raw)
    mojibake = doc.flags.get("mojibake", [])
    articles = []
    for article in layout(doc.text):
        record = ArticleRecord(
            start=doc.raw_span(article.start, article.start)[0],
            body_start=doc.raw_span(article.body_start, article.body_start)[0],
            end=doc.raw_span(article.body_start, article.end)[1],
            title=_raw_text(doc, article.title_span),
            subtitle=article.subtitle,
            kicker=article.kicker,
            byline=article.byline,
            date=article.date,
            source_name=article.source_name,
            fragment=article.fragment,
            continued_at=[doc.raw_span(at, at)[0] for at in article.continued_at],
        )
        for index, paragraph in enumerate(article.paragraphs):
            p_start, p_end = doc.raw_span(paragraph.start, paragraph.end)
            para = ParagraphRecord(index, p_start, p_end, any(p_start <= s < p_end for s, _ in mojibake))
            for s_start, s_end in paragraph.sentences:
                sentence = doc.text[s_start:s_end]
                raw_sentence = doc.raw_span(s_start, s_end)
                para.sentences.append(raw_sentence)
                for mention in extract_quantities(sentence):
                    para.facts.append(_fact(doc, mention, s_start, sentence, raw_sentence, article))
            record.paragraphs.append(para)
        articles.append(record)
    return articles


def _raw_text(doc: Document, span: tuple[int, int] | None) -> str | None:
    if span is None:
        return None
    start, end = doc.raw_span(*span)
    return doc.raw[start:end]


def _fact(doc: Document, mention: QuantityMention, offset: int, sentence: str, raw_sentence, article) -> FactRecord:
    start, end = doc.raw_span(mention.start + offset, mention.end + offset)
    return FactRecord(
        start=start,
        end=end,
        text=doc.raw[start:end],
        value=mention.value,
        high=mention.high,
        qualifier=mention.qualifier,
        unit=mention.unit,
        unit_written=mention.unit_written,
        dimension=mention.dimension,
        numeral=mention.numeral,
        sentence_start=raw_sentence[0],
        sentence_end=raw_sentence[1],
        normalised=mention.text,
        iso=mention.iso,
        year=resolve_year(sentence, mention.start, article.date),
    )


__all__ = ["EXTRACTOR_VERSION", "STAGES", "ArticleRecord", "FactRecord", "ParagraphRecord", "extract_text",
           "extract_quantities"]
