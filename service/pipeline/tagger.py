"""Words and parts of speech of a short window of text, as `jieba.posseg.lcut(text, HMM=False)` gives them.

The measure of a number is read from ten characters or so on each side of it (measures.py), tens of
thousands of times a job. jieba's own tagger costs about 1.4 s before its first word (its HMM tables
on import, a cached prefix dictionary, a second parse of the dictionary for the tags) and wraps each
word in an object. This reads the same dictionary file once (0.4 s; then from the cache, prepared.py), keeps
only whole words, and walks the same maximum-probability route over the window: the words and tags are
jieba's, which a test checks on every window of the seeds.
"""
from __future__ import annotations

import functools
import importlib.util
import os
import re
from math import log

from .prepared import cached

# jieba.posseg's own patterns: a run it segments with the dictionary, the whitespace between runs,
# a number or a Latin word outside the runs, one Latin letter or digit inside a run.
RUN = re.compile(r"([\u4E00-\u9FD5a-zA-Z0-9+#&._]+)")
SPACE = re.compile(r"(\r\n|\s)")
NUMBER = re.compile(r"[.0-9]+")
LATIN = re.compile(r"[a-zA-Z0-9]+")
LATIN_CHAR = re.compile(r"^[a-zA-Z0-9]$")


class Tagger:
    """jieba's default dictionary: each word's count and tag, and the log of the counts' total."""

    def __init__(self, tables: tuple):
        self.index, self.counts, self.tags, self.log_total, self.longest = tables

    @staticmethod
    def tables(path: str) -> tuple:
        """(word → its line, counts, tags, log of the total count, longest word by first character)."""
        with open(path, encoding="utf-8") as file:
            fields = file.read().split()  # "word count tag" on every line; no word holds a space
        words = fields[0::3]
        counts = list(map(int, fields[1::3]))
        # By first character, the longest word it starts: no longer slice of a window can be a word.
        longest = {word[0]: len(word) for word in sorted(words, key=len)}
        return dict(zip(words, range(len(words)))), counts, fields[2::3], log(sum(counts)), longest

    def lcut(self, text: str) -> list[tuple[str, str]]:
        """(word, tag) from left to right; the words join up to `text`."""
        out: list[tuple[str, str]] = []
        for block in RUN.split(text):
            if not block:
                continue
            if RUN.match(block):
                self._run(block, out)
                continue
            for piece in SPACE.split(block):
                if SPACE.match(piece):
                    out.append((piece, "x"))
                    continue
                latin = bool(LATIN.match(piece))
                for char in piece:
                    out.append((char, "m" if NUMBER.match(char) else "eng" if latin else "x"))
        return out

    def _run(self, run: str, out: list[tuple[str, str]]) -> None:
        """The words of a run by the most probable route through the dictionary, Latin letters and
        digits between words joined as one `eng` word, as jieba does without its HMM."""
        index, counts, log_total, longest, n = self.index, self.counts, self.log_total, self.longest, len(run)
        route: list[tuple[float, int]] = [(0.0, 0)] * (n + 1)
        for start in range(n - 1, -1, -1):
            steps = []
            for end in range(start, min(n, start + longest.get(run[start], 1))):
                word = index.get(run[start:end + 1])
                if word is not None and counts[word]:
                    steps.append((log(counts[word]) - log_total + route[end + 1][0], end))
            route[start] = max(steps) if steps else (-log_total + route[start + 1][0], start)  # a character alone
        latin, at = "", 0
        while at < n:
            end = route[at][1] + 1
            word = run[at:end]
            if LATIN_CHAR.match(word):
                latin += word
            else:
                if latin:
                    out.append((latin, "eng"))
                    latin = ""
                known = self.index.get(word)
                out.append((word, "x" if known is None else self.tags[known]))
            at = end
        if latin:
            out.append((latin, "eng"))


def dictionary_path() -> str:
    """jieba's dict.txt, found without importing jieba (whose import loads its HMM model)."""
    spec = importlib.util.find_spec("jieba")
    return os.path.join(list(spec.submodule_search_locations)[0], "dict.txt")


def _valid(tables) -> bool:
    return (isinstance(tables, tuple) and len(tables) == 5 and isinstance(tables[0], dict)
            and isinstance(tables[1], list) and isinstance(tables[2], list) and len(tables[1]) == len(tables[2])
            and isinstance(tables[3], float) and isinstance(tables[4], dict))


@functools.lru_cache(maxsize=1)
def tagger() -> Tagger:
    """The tagger of jieba's dictionary, its tables read from the cache when they were derived before."""
    path = dictionary_path()
    return Tagger(cached("tagger", [path], lambda: Tagger.tables(path), _valid))
