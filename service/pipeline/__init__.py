"""The extraction pipeline: decoded raw text in, plain records with raw offsets out.

    raw ─normalise→ Document(text, offsets) ─layout→ articles ▸ paragraphs ▸ sentences
        ─quantities→ mentions ─places, years, measures, indicators→ facts ─map back→ raw spans

Nothing here knows about the store or Flask; `kaoju parse` and the job both call `extract_text`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .document import Document
from ..fact_shape import FactRecord
from .layout import layout
from .normalise import normalise
from .quantities import QuantityMention, extract_quantities
from .places import PlaceResolver
from .indicators import classify
from .measures import extract_measure
from .lexicon import clause_bounds
from .resolve import PlaceAttribution
from .years import page_year, resolve_year_why

# Bump when a change can alter what is extracted: stored facts record the version that made them.
EXTRACTOR_VERSION = "0.6.33"

STAGES = ("decode", "normalise", "layout", "quantities", "places", "years", "measures", "indicators", "map back")


@dataclass
class PlaceRecord:
    """A resolved place: its code (a village's is its parent's code + name), name, level, and the
    chain of (code, name, level, parent) from the province down to it."""

    code: str
    name: str
    level: str
    path: str
    chain: list[tuple[str, str, str, str]]


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
    place: PlaceRecord | None = None
    year: int | None = None
    paragraphs: list[ParagraphRecord] = field(default_factory=list)


def extract_text(raw: str, published: str | None = None) -> list[ArticleRecord]:
    """Run every stage on one decoded page and return its articles with raw offsets.

    `published` (YYYY, YYYY-MM or YYYY-MM-DD, from the source's metadata) dates the page ahead of
    any date the text prints or implies."""
    doc = normalise(raw)
    mojibake = doc.flags.get("mojibake", [])
    articles = layout(doc.text)
    places = PlaceAttribution(PlaceResolver(doc.text))
    printed = next((a.date for a in articles if a.date), None)
    year_of_page = page_year(doc.text, published or printed)
    records = []
    for article in articles:
        main = places.main_place(article.heading_spans, [(p.start, p.end) for p in article.paragraphs])
        helped = places.helped_place([(p.start, p.end) for p in article.paragraphs], main)
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
            place=_place(places, places.article_place(main)),
            year=int(article.date[:4]) if article.date and not published else year_of_page,
        )
        for index, paragraph in enumerate(article.paragraphs):
            p_start, p_end = doc.raw_span(paragraph.start, paragraph.end)
            para = ParagraphRecord(index, p_start, p_end, any(p_start <= s < p_end for s, _ in mojibake))
            opening = places.paragraph_place(paragraph.sentences, main)
            subjects = places.subjects(paragraph.sentences, main, opening)
            for (s_start, s_end), subject in zip(paragraph.sentences, subjects):
                sentence = doc.text[s_start:s_end]
                raw_sentence = doc.raw_span(s_start, s_end)
                para.sentences.append(raw_sentence)
                for mention in extract_quantities(sentence):
                    at, until = s_start + mention.start, s_start + mention.end
                    clause = clause_bounds(doc.text, s_start, s_end, at)
                    count = mention.value if mention.dimension == "count" else None
                    governing, place_rule = places.place_why((s_start, s_end), at, opening, main, helped,
                                                             subject, count)
                    year, year_rule = resolve_year_why(sentence, mention.start, record.year)
                    para.facts.append(_fact(
                        doc, mention, s_start, raw_sentence, place=_place(places, governing), place_rule=place_rule,
                        year=year, year_rule=year_rule,
                        measure=extract_measure(doc.text, at, until, mention.dimension, clause),
                        indicator=classify(doc.text, at, until, mention.dimension, clause, (s_start, s_end))))
            record.paragraphs.append(para)
        records.append(record)
    return records


def _raw_text(doc: Document, span: tuple[int, int] | None) -> str | None:
    if span is None:
        return None
    start, end = doc.raw_span(*span)
    return doc.raw[start:end]


def _place(places: PlaceAttribution, division) -> PlaceRecord | None:
    if division is None:
        return None
    chain = places.resolver.ancestors(division)
    return PlaceRecord(division.code, division.name, division.level, places.resolver.path(division),
                       [(d.code, d.name, d.level, d.parent) for d in chain])


def _fact(doc: Document, mention: QuantityMention, offset: int, raw_sentence: tuple[int, int],
          place: PlaceRecord | None, **decided) -> FactRecord:
    """The frozen record of one mention, every offset mapped back to the raw text here."""
    start, end = doc.raw_span(mention.start + offset, mention.end + offset)
    return FactRecord(
        start=start, end=end, text=doc.raw[start:end], value=mention.value, high=mention.high,
        qualifier=mention.qualifier, unit=mention.unit, unit_written=mention.unit_written,
        dimension=mention.dimension, numeral=mention.numeral, iso=mention.iso,
        place=place.name if place else None, place_code=place.code if place else None,
        sentence=doc.raw[raw_sentence[0]:raw_sentence[1]], sentence_start=raw_sentence[0],
        sentence_end=raw_sentence[1], normalised=mention.text,
        place_chain=tuple(place.chain) if place else (), **decided)


__all__ = ["EXTRACTOR_VERSION", "STAGES", "ArticleRecord", "FactRecord", "ParagraphRecord", "extract_text",
           "extract_quantities"]
