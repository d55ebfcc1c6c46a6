"""Mentions → facts: where (the place that governs a number).

Where: the place help goes to (向临县, 帮助沁县, 使沁县…) in the number's clause or earlier in its
sentence (and, in a story about its own place helping another, a help action whose clause names no
place), else the most specific place named in the number's own clause, else the sentence's subject
(the place it, or its part after a semicolon, opens with: 汾西县充分发挥…, 我市把…), else the place named
in its sentence, else the subject of the paragraph's last sentence that had one, else the place its
paragraph opens with, else the article's main place (from its headings, else its lead). 全村, 该镇
point back to the place of their level just named in the sentence; otherwise 全县, 该镇, 我市 stand for
the story's own county, town or city.
A count of the places its clause lists before it (吉县、乡宁、安泽三个县) is about their common parent.
The places of a background clause (在2016年完成信义镇三个电站的基础上,…) govern only the numbers inside it.
A story headlined about the whole country (全国…) has no main place.

When: see years.py.
"""
from __future__ import annotations

import re

from .lexicon import LEAD, clause_bounds
from .places import DEPTH, Division, PlaceMention, PlaceResolver

HELP = re.compile(r"帮扶|帮助|援建|捐赠|捐助|代销|扶持|结对")
BENEFICIARY = ("向", "为", "帮助", "给", "援助", "支援", "援建", "帮扶", "资助", "使")
SEGMENT_BREAK = re.compile(r"[；;]")
# What may stand before a sentence's subject: 同时, 近年来, 2018年, 截至9月底 …
SUBJECT_OPENING = re.compile(r"\s*" + LEAD + r"[“\"「]?(?:(?:同时|此外|另外|近年来|今年以来|目前|其中)[，,]?)?")
NATIONWIDE = re.compile(r"全国|我国|中国")
# 在2016年完成信义镇三个电站的基础上, …: the places of a background clause do not govern what follows
BACKGROUND = re.compile(r"在[^，,。；;！？!?\n]{2,80}?基础上")


class PlaceAttribution:
    """Decides the place of each number on one page."""

    def __init__(self, resolver: PlaceResolver):
        self.resolver = resolver
        self.background = [m.span() for m in BACKGROUND.finditer(resolver.text)]

    def main_place(self, headings: list[tuple[int, int]], paragraphs: list[tuple[int, int]]) -> Division | None:
        """The article's place: the most specific in its headings, else the one its body names most.

        A headline about the whole country (全国农村贫困人口减少1386万人) has none: a province its body
        names is one part of the story, not its place.
        """
        for start, end in headings:
            found = self.resolver.most_specific(self.resolver.in_span(start, end))
            if found is not None:
                return found
        if any(NATIONWIDE.search(self.resolver.text, start, end) for start, end in headings):
            return None
        counts: dict[str, list] = {}
        for start, end in paragraphs:
            for m in self.resolver.in_span(start, end):
                entry = counts.setdefault(m.division.code, [0, m.division])
                entry[0] += 1
        if not counts:
            return None
        return max(counts.values(), key=lambda e: (e[0], e[1].depth))[1]

    def article_place(self, main: Division | None) -> Division | None:
        """An article is filed under a county (or the prefecture or province it is about): a story
        about 岔口村 is a 交城县 story, while its facts keep the village."""
        if main is None or main.depth <= DEPTH["county"]:
            return main
        return self.resolver.at_level(main, "county") or main

    def paragraph_place(self, sentences: list[tuple[int, int]], main: Division | None) -> Division | None:
        """The place a paragraph opens with: its first sentence's subject, else the place that sentence names."""
        if not sentences:
            return None
        start, end = sentences[0]
        found = self._subject(start, end, main, None) or self._named(start, end, main)
        if found is not None and main is not None and found.level in ("province", "prefecture") \
                and self._contains(found, main):
            return main  # a paragraph that opens with 全省 or the prefecture is still about the story's place
        return found

    def subjects(self, sentences: list[tuple[int, int]], main: Division | None,
                 paragraph: Division | None) -> list[tuple[Division | None, Division | None]]:
        """For each sentence of a paragraph: the place it opens with as its subject (汾西县充分发挥…,
        我市把…), and the subject it inherits from the last earlier sentence that had one."""
        result, carried = [], None
        for start, end in sentences:
            subject = self._subject(start, end, main, paragraph)
            result.append((subject, carried))
            carried = subject or carried
        return result

    def _subject(self, start: int, end: int, main: Division | None, story: Division | None) -> Division | None:
        """The place chain a sentence opens with, deepest last: 交城县野则河村…, 该县五里岗街道…, 我市…"""
        opening = SUBJECT_OPENING.match(self.resolver.text, start, end)
        at = opening.end() if opening else start
        subject = None
        deictic = next((d for d in self.resolver.deictics(at, min(end, at + 2)) if d[0] == at), None)
        if deictic is not None:
            subject, at = self.resolver.at_level(story or main, deictic[1]), at + 2
        for m in self.resolver.in_span(at, end):
            if m.start != at or (subject is not None and not self._contains(subject, m.division)):
                break
            subject, at = m.division, m.end
        return subject

    def place(self, sentence: tuple[int, int], position: int, paragraph: Division | None,
              main: Division | None, helped: Division | None = None,
              subject: tuple[Division | None, Division | None] = (None, None),
              count: float | None = None) -> Division | None:
        """The place that governs a number at `position` (view offset) in `sentence`.

        `helped`: in a story about its own place helping another, a help action (帮助, 捐赠, 代销 …)
        before the number, in a clause that names no place, went to the place helped. `subject`: the
        sentence's own subject and the one it inherits (see `subjects`). `count`: the value of a count
        (三个, 2座), which may count the places listed before it (吉县、乡宁、安泽三个县: their prefecture).
        """
        listed = self._enumerated(sentence, position, count)
        if listed is not None:
            return listed
        found = self._governing(sentence, position, paragraph, main, subject)
        s_start, s_end = sentence
        if helped is not None and main is not None and found is not None and found.code == main.code:
            c_start, c_end = clause_bounds(self.resolver.text, s_start, s_end, position)
            # 帮助解决实际困难500余个 is help given; 91名干部作为驻村帮扶队员 are the helper's own people
            if self._named(c_start, c_end, main) is None and HELP.search(self.resolver.text, s_start, position):
                return helped
        return found

    def _governing(self, sentence: tuple[int, int], position: int, paragraph: Division | None,
                   main: Division | None, subject: tuple[Division | None, Division | None]) -> Division | None:
        s_start, s_end = sentence
        c_start, c_end = clause_bounds(self.resolver.text, s_start, s_end, position)
        story = paragraph or main
        beneficiary = self._beneficiary(c_start, c_end) or self._beneficiary(s_start, position)
        if beneficiary is not None:
            return beneficiary
        own, carried = subject
        segment = max((m.end() for m in SEGMENT_BREAK.finditer(self.resolver.text, s_start, position)), default=None)
        if segment is not None:  # 其中,岢岚县…;静乐县新建加工厂3座,年加工能力2万吨: each part has its own subject
            own = self._subject(segment, s_end, main, story) or own
        named = (self._named(c_start, position, main, story) or self._named(c_start, c_end, main, story)
                 or own or self._named(s_start, position, main, story) or self._named(s_start, s_end, main, story)
                 or carried)
        if named is None:
            return story
        if story is not None and self._contains(named, story) and (
                named.level in ("province", "prefecture") or (main is not None and story.code == main.code)):
            return story  # 全省, 吕梁市 around a story about one of its counties: the county governs
        return named  # a paragraph opened by a village, then a sentence about its whole district: the district

    def _enumerated(self, sentence: tuple[int, int], position: int, count: float | None) -> Division | None:
        """吉县、乡宁、安泽三个县: a count of the places its clause lists before it is about their common parent."""
        if count is None or count < 2 or count != int(count):
            return None
        c_start, _ = clause_bounds(self.resolver.text, *sentence, position)
        listed = {m.division.code: m.division for m in self.resolver.in_span(c_start, position)}
        if len(listed) != count or len({d.level for d in listed.values()}) != 1:
            return None
        chains = [self.resolver.ancestors(d) for d in listed.values()]
        common = None
        for links in zip(*chains):
            if len({d.code for d in links}) > 1:
                break
            common = links[0]
        return common

    def _beneficiary(self, start: int, end: int) -> Division | None:
        """向临县捐资, 帮助沁县: the place money or help goes to governs the number, not the giver."""
        marked = [m for m in self.resolver.in_span(start, end) if self._receives_help(m)]
        return self.resolver.most_specific(marked) if marked else None

    def _receives_help(self, mention: PlaceMention) -> bool:
        text = self.resolver.text
        return any(text.endswith(marker, max(0, mention.start - len(marker)), mention.start) for marker in BENEFICIARY)

    def helped_place(self, paragraphs: list[tuple[int, int]], main: Division | None) -> Division | None:
        """A story about its own place helping another (帮助沁县, 使沁县…, twice or more): the one helped."""
        counts: dict[str, list] = {}
        for start, end in paragraphs:
            for m in self.resolver.in_span(start, end):
                if self._receives_help(m):
                    counts.setdefault(m.division.code, [0, m.division])[0] += 1
        if not counts or main is None:
            return None
        n, division = max(counts.values(), key=lambda e: e[0])
        if n < 2 or division.code == main.code or self._contains(division, main) or self._contains(main, division):
            return None
        return division

    def _contains(self, outer: Division, inner: Division) -> bool:
        return outer.code != inner.code and f"/{outer.code}/" in self.resolver.path(inner)

    def _named(self, start: int, end: int, main: Division | None, story: Division | None = None) -> Division | None:
        """The most specific place named in [start, end), preferring the story's own places; a background
        clause's places count only when the span ends inside that clause (a number within it)."""
        named = [m for m in self.resolver.in_span(start, end) if not any(
            b_start <= m.start < b_end and not b_start < end <= b_end for b_start, b_end in self.background)]
        mentions = list(named)
        for position, level in self.resolver.deictics(start, end):
            # 岔口村…, 全村共207户: a deictic points back to the place of its level just named, else the story's
            earlier = [m.division for m in named if m.start < position and m.division.level == level]
            division = earlier[-1] if earlier else self.resolver.at_level(story or main, level)
            if division is not None:
                mentions.append(PlaceMention(position, position + 2, "", [division.code], level,
                                             deictic=True, division=division))
        mentions.sort(key=lambda m: m.start)
        if story is not None:
            own = [m for m in mentions if m.division.code == story.code or self._contains(story, m.division)]
            if own:
                return self.resolver.most_specific(own)
        return self.resolver.most_specific(mentions)
