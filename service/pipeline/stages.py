"""The stages of the pipeline, run in the order of `STAGES` over one `Page`.

Each stage reads the layers the earlier ones left on the page and adds its own, all in the offsets
of the normalised view (`Document.text`); `map_back` is the last and the only one that turns them
into raw offsets, building the frozen records the job stores. Decoding bytes into the raw text
happens before (decode.py): the pipeline starts from text.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from ..fact_shape import FactRecord
from .datelines import date_with_year, dateline
from .document import Document
from .indicators import classify
from .layout import SENTENCE_CLOSERS, Article, Paragraph, layout
from .lexicon import clause_bounds
from .measures import extract_measure
from .normalise import normalise
from .places import Division, PlaceResolver
from .quantities import QuantityMention, extract_quantities, spaces_its_numbers
from .records import ArticleRecord, ParagraphRecord, PlaceRecord
from .resolve import PlaceAttribution
from .years import (YEARS_LATER_OPENING, opens_an_item, page_year, resolve_year_why, section_year, speaks_of_a_time,
                    year_in_clause)


@dataclass
class Mention:
    """A quantity found in a sentence (view offsets) and what the later stages decide about it."""

    article: int
    paragraph: int
    sentence: tuple[int, int]
    quantity: QuantityMention
    at: int
    until: int
    clause: tuple[int, int]
    heading: bool = False
    place: Division | None = None
    place_rule: str | None = None
    year: int | None = None
    year_rule: str | None = None
    measure: str | None = None
    indicator: str | None = None


@dataclass
class Story:
    """An article of the layout with the places and the year that its facts are read against."""

    layout: Article
    parts: list[tuple[Paragraph, str]] = field(default_factory=list)  # headings and paragraphs in text order
    main: Division | None = None
    helped: Division | None = None
    year: int | None = None
    month: int | None = None  # of the date its year comes from, where that date names one
    openings: list[Division | None] = field(default_factory=list)  # each paragraph's opening place
    subjects: dict[tuple[int, int], tuple] = field(default_factory=dict)  # sentence → (own, carried) subject
    carried_in: list[Division | None] = field(default_factory=list)  # each part's place from the lines above it
    sections: list[Division | None] = field(default_factory=list)  # each part's place from the sub-heading above it


@dataclass
class Page:
    """One decoded page and the layers the stages add to it."""

    raw: str
    published: str | None = None
    reference: str | None = None  # a date known outside the text, less sure than published: its address, its crawl
    date: str | None = None  # the date the page's year comes from: published, printed, dateline or reference
    doc: Document | None = None
    stories: list[Story] = field(default_factory=list)
    year: int | None = None
    mentions: list[Mention] = field(default_factory=list)
    places: PlaceAttribution | None = None
    records: list[ArticleRecord] = field(default_factory=list)


def normalise_text(page: Page) -> None:
    """Simplified script, glosses removed, widths folded, broken words joined, with an offset map."""
    page.doc = normalise(page.raw)


def lay_out(page: Page) -> None:
    """Articles, paragraphs and sentences, a story's date from its dateline (新华社成都9月15日电, with the
    year of what is known of the page), and the page's year: published, printed, dateline, the date in
    its address or its crawl, else pinned by the text."""
    text = page.doc.text
    page.stories = [Story(article, _parts(article)) for article in layout(text)]
    for story in page.stories:
        first = story.layout.paragraphs[0] if story.layout.paragraphs else None
        filed = dateline(text[first.start:first.end]) if first else None
        if story.layout.date is None and filed:
            known = str(filed.year) if filed.year else page.published or page.reference
            story.layout.date = date_with_year(filed.month, filed.day, known)
            story.layout.dated_by = "dateline" if story.layout.date else None
    printed = next((s.layout.date for s in page.stories if s.layout.date), None)
    page.date = page.published or printed or page.reference
    page.year = page_year(text, page.date)


def find_quantities(page: Page) -> None:
    """Every quantity mention of every sentence, with its clause; headings with no story under them are
    kept as an article only when they hold a figure (关键词：… or a link list at the foot of a page does not)."""
    text = page.doc.text
    spaced = spaces_its_numbers(page.doc.raw)  # in the raw text: the view has closed the spaces in its dates
    stories, page.stories = page.stories, []
    for story in stories:
        a_index, found = len(page.stories), []
        for p_index, (paragraph, kind) in enumerate(story.parts):
            for s_start, s_end in paragraph.sentences:
                for quantity in extract_quantities(text[s_start:s_end], spaced):
                    at = s_start + quantity.start
                    found.append(Mention(a_index, p_index, (s_start, s_end), quantity, at, s_start + quantity.end,
                                         clause_bounds(text, s_start, s_end, at), kind == "heading"))
        if story.layout.paragraphs or found:
            page.stories.append(story)
            page.mentions += found


def resolve_places(page: Page) -> None:
    """Each story's main place and the place it helps, each paragraph's opening place and subjects, then
    the place of each mention by the named rules of resolve.py; a mention inside a place's name is dropped."""
    page.places = places = PlaceAttribution(PlaceResolver(page.doc.text))
    # 大方县三元乡, 三门峡市: a number inside a place's name is part of the name
    page.mentions = [m for m in page.mentions if not places.resolver.names_over(m.at, m.until)]
    for story in page.stories:
        spans = [(p.start, p.end) for p in story.layout.paragraphs]
        story.main = places.main_place(story.layout.heading_spans, spans)
        story.helped = places.helped_place(spans, story.main)
        places.helpers_of(story.layout.heading_spans,
                          [sentence for paragraph in story.layout.paragraphs for sentence in paragraph.sentences],
                          story.main)
        carried = section = None
        for paragraph, kind in story.parts:
            heads, place = places.sub_heading(paragraph.start, paragraph.end, story.main) if kind == "body" else (False, None)
            section = place if heads else section
            story.sections.append(section)
            opening = places.paragraph_place(paragraph.sentences, story.main)
            story.openings.append(opening)
            carried = carried if paragraph.follows_on else None
            story.carried_in.append(carried)
            subjects = places.subjects(paragraph.sentences, story.main, opening)
            story.subjects.update(zip(paragraph.sentences, subjects))
            if kind == "body":  # a heading or a photo caption leaves the body's subject as it was
                carried = next((places.handed_on(sentence, own, story.main)
                                for sentence, (own, _) in zip(reversed(paragraph.sentences), reversed(subjects))
                                if own is not None), opening or carried)
                if paragraph.sentences and places.speaks_for_the_country(*paragraph.sentences[-1]):
                    carried = None  # …至此，全国832个贫困县全部摘帽。 / 2011年，中央决定…
    for m in page.mentions:
        story = page.stories[m.article]
        count = m.quantity.value if m.quantity.dimension == "count" else None
        m.place, m.place_rule = places.place_why(m.sentence, m.at, story.openings[m.paragraph], story.main,
                                                 story.helped, story.subjects[m.sentence], count,
                                                 story.carried_in[m.paragraph], story.sections[m.paragraph])


def resolve_years(page: Page) -> None:
    """Each story's year (its own printed date unless the page's date is published), then each mention's
    year by the named rules of years.py."""
    for story in page.stories:
        own = story.layout.date if story.layout.date and not page.published else None
        story.year = int(own[:4]) if own else page.year
        known = own or (page.date if page.date and int(page.date[:4]) == page.year else None)
        story.month = int(known[5:7]) if known and len(known) >= 7 else None
    text = page.doc.text
    earlier = _last_timed_sentences(text, page.stories)
    sections = _section_years(text, page.stories)
    for m in page.mentions:
        s_start, s_end = m.sentence
        story = page.stories[m.article]
        m.year, m.year_rule = resolve_year_why(text[s_start:s_end], m.quantity.start, story.year,
                                               None if m.heading else earlier.get(m.sentence), story.month,
                                               None if m.heading else sections.get(m.sentence))


def _section_years(text: str, stories: list[Story]) -> dict[tuple[int, int], int]:
    """For each sentence after a report's section heading (一、2017年工作回顾), that heading's year, until
    the next one."""
    years: dict[tuple[int, int], int] = {}
    for story in stories:
        current = None
        for paragraph, _ in story.parts:
            for s_start, s_end in paragraph.sentences:
                current = section_year(text[s_start:s_end]) or current
                if current is not None:
                    years[(s_start, s_end)] = current
    return years


def _last_timed_sentences(text: str, stories: list[Story]) -> dict[tuple[int, int], str]:
    """For each sentence, the nearest earlier one of its paragraph that speaks of a time, since the list item
    it belongs to opened (一是…; 二是…), in one pass: a paragraph that runs on from one cut mid-sentence
    (…不压钱不让看，而 / [a headline set in] / 且报销…) continues it, and so does one that opens by saying years
    have passed since the time of the paragraph before (…全县还有贫困人口77350人。 / 3年后，贫困发生率降至1.27%)."""
    earlier: dict[tuple[int, int], str] = {}
    for story in stories:
        carried, runs_on = None, False
        for paragraph, kind in story.parts:
            if kind != "body":
                continue
            moves_on = bool(paragraph.sentences) and YEARS_LATER_OPENING.match(text, *paragraph.sentences[0])
            if not runs_on and not moves_on:
                carried = None
            for s_start, s_end in paragraph.sentences:
                if opens_an_item(text[s_start:s_end]):
                    carried = None
                if carried is not None:
                    earlier[(s_start, s_end)] = carried
                if speaks_of_a_time(text[s_start:s_end]):
                    carried = text[s_start:s_end]
            runs_on = text[paragraph.start:paragraph.end].rstrip()[-1:] not in SENTENCE_CLOSERS
    return earlier


def read_measures(page: Page) -> None:
    """A short phrase naming what each number measures."""
    for m in page.mentions:
        m.measure = extract_measure(page.doc.text, m.at, m.until, m.quantity.dimension, m.clause)


def classify_indicators(page: Page) -> None:
    """Each number's indicator from the taxonomy."""
    for m in page.mentions:
        m.indicator = classify(page.doc.text, m.at, m.until, m.quantity.dimension, m.clause, m.sentence)


RESTATED = "restated_in_body"


def headline_figures(page: Page) -> None:
    """A headline's figure that its story's body states again (四川已搬迁58万贫困人口 … 全省已有58万贫困人口…)
    takes the place and year the body gives it, where the sentence says more than the headline can; a year the
    headline writes with the figure stays (仪陇2017年发放助学金8787万元 … 今年累计放…8787万元 on a page of no date)."""
    for m in page.mentions:
        if not m.heading:
            continue
        same = next((b for b in page.mentions if b.article == m.article and not b.heading
                     and (b.quantity.value, b.quantity.high, b.quantity.unit)
                     == (m.quantity.value, m.quantity.high, m.quantity.unit)), None)
        if same is not None:
            m.place, m.place_rule = same.place, RESTATED
            if m.year_rule != year_in_clause.__name__:
                m.year, m.year_rule = same.year, RESTATED


def map_back(page: Page) -> None:
    """The records, every span turned into raw offsets: the one place where coordinates change."""
    doc, places = page.doc, page.places
    mojibake = doc.flags.get("mojibake", [])
    by_paragraph: dict[tuple[int, int], list[Mention]] = {}
    for m in page.mentions:
        by_paragraph.setdefault((m.article, m.paragraph), []).append(m)
    for a_index, story in enumerate(page.stories):
        article = story.layout
        paragraphs = []
        for p_index, (paragraph, kind) in enumerate(story.parts):
            p_start, p_end = doc.raw_span(paragraph.start, paragraph.end)
            paragraphs.append(ParagraphRecord(
                p_index, p_start, p_end, any(p_start <= s < p_end for s, _ in mojibake),
                [doc.raw_span(*sentence) for sentence in paragraph.sentences],
                [_fact(doc, m, _place(places, m.place)) for m in by_paragraph.get((a_index, p_index), [])], kind))
        page.records.append(ArticleRecord(
            start=doc.raw_span(article.start, article.start)[0],
            body_start=doc.raw_span(article.body_start, article.body_start)[0],
            end=doc.raw_span(article.body_start, article.end)[1],
            title=_raw_text(doc, article.title_span), subtitle=article.subtitle, kicker=article.kicker,
            byline=article.byline, date=article.date, dated_by=article.dated_by, source_name=article.source_name, fragment=article.fragment,
            continued_at=[doc.raw_span(at, at)[0] for at in article.continued_at],
            place=_place(places, places.article_place(story.main)), year=story.year, paragraphs=paragraphs,
        ))


def _parts(article: Article) -> list[tuple[Paragraph, str]]:
    """The article's headings (title, subtitle, kicker: each one sentence), photo captions and paragraphs, in
    text order: a headline's figures (临县11家企业捐赠…) and a caption's are facts like any other."""
    headings = [(Paragraph(start, end, [(start, end)]), "heading") for start, end in article.heading_spans]
    captions = [(p, "caption") for p in article.captions]
    return sorted(headings + captions + [(p, "body") for p in article.paragraphs], key=lambda part: part[0].start)


Stage = Callable[[Page], None]
STAGES: tuple[tuple[str, Stage], ...] = (
    ("normalise", normalise_text),
    ("layout", lay_out),
    ("quantities", find_quantities),
    ("places", resolve_places),
    ("years", resolve_years),
    ("measures", read_measures),
    ("indicators", classify_indicators),
    ("headlines", headline_figures),
    ("map back", map_back),
)


def run_stages(raw: str, published: str | None = None, reference: str | None = None) -> list[ArticleRecord]:
    page = Page(raw, published, reference)
    for _, stage in STAGES:
        stage(page)
    return page.records


def _raw_text(doc: Document, span: tuple[int, int] | None) -> str | None:
    if span is None:
        return None
    start, end = doc.raw_span(*span)
    return doc.raw[start:end]


def _place(places: PlaceAttribution, division: Division | None) -> PlaceRecord | None:
    if division is None:
        return None
    chain = places.resolver.ancestors(division)
    return PlaceRecord(division.code, division.name, division.level, places.resolver.path(division),
                       [(d.code, d.name, d.level, d.parent) for d in chain])


def _fact(doc: Document, m: Mention, place: PlaceRecord | None) -> FactRecord:
    """The frozen record of one mention, in raw offsets."""
    quantity = m.quantity
    start, end = doc.raw_span(m.at, m.until)
    s_start, s_end = doc.raw_span(*m.sentence)
    return FactRecord(
        start=start, end=end, text=doc.raw[start:end], value=quantity.value, high=quantity.high,
        qualifier=quantity.qualifier, unit=quantity.unit, unit_written=quantity.unit_written,
        dimension=quantity.dimension, numeral=quantity.numeral, iso=quantity.iso, measure=m.measure,
        indicator=m.indicator, place=place.name if place else None, place_code=place.code if place else None,
        year=m.year, sentence=doc.raw[s_start:s_end], sentence_start=s_start, sentence_end=s_end,
        normalised=quantity.text, place_rule=m.place_rule, year_rule=m.year_rule, in_title=m.heading,
        place_chain=tuple(place.chain) if place else ())
