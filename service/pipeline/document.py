"""The Document every stage reads: raw text, its normalised view and the map between them.

Normalisation only ever substitutes one character for one character or deletes characters, so
each character of the view comes from exactly one raw character. The map keeps that raw index per
view character; a view span maps back to the raw span from its first to its last character, which
keeps deleted material (a pinyin gloss inside a mention) inside the quoted span.
"""
from __future__ import annotations

from array import array
from dataclasses import dataclass, field


class OffsetMap:
    """Maps view offsets to raw offsets; built by appending kept characters in raw order."""

    __slots__ = ("_raw_index", "raw_length")

    def __init__(self, raw_index=None, raw_length: int = 0):
        self._raw_index = array("q", raw_index or ())
        self.raw_length = raw_length

    @classmethod
    def identity(cls, length: int) -> "OffsetMap":
        """The map of a view that is the raw text itself."""
        return cls(range(length), length)

    def __len__(self) -> int:
        return len(self._raw_index)

    def raw_index(self, view_index: int) -> int:
        """Raw offset of one view character."""
        return self._raw_index[view_index]

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map the view span [start, end) to the raw span that holds the same characters.

        >>> m = OffsetMap([0, 1, 5, 6], 7)
        >>> m.to_raw(1, 3)
        (1, 6)
        >>> m.to_raw(2, 2)
        (5, 5)
        """
        if not 0 <= start <= end <= len(self._raw_index):
            raise ValueError(f"span {start}:{end} outside a view of {len(self._raw_index)} characters")
        if start == end:
            pos = self._raw_index[start] if start < len(self._raw_index) else self.raw_length
            return pos, pos
        return self._raw_index[start], self._raw_index[end - 1] + 1

    def compose(self, inner: "OffsetMap") -> "OffsetMap":
        """The map of a view derived from this map's view by `inner`, straight back to raw."""
        own = self._raw_index
        return OffsetMap((own[i] for i in inner._raw_index), self.raw_length)


class ViewBuilder:
    """Builds a view of `source` one kept character at a time, with its offset map."""

    def __init__(self, source: str):
        self.source = source
        self._chars: list[str] = []
        self._index = array("q")

    def keep(self, index: int, char: str | None = None) -> None:
        """Keep source[index], or put `char` in its place (a 1:1 substitution)."""
        self._chars.append(self.source[index] if char is None else char)
        self._index.append(index)

    def keep_range(self, start: int, end: int) -> None:
        """Keep source[start:end] unchanged (the source may already hold 1:1 substitutions)."""
        self._chars.append(self.source[start:end])
        self._index.extend(range(start, end))

    def build(self) -> tuple[str, OffsetMap]:
        text = "".join(self._chars)
        assert len(text) == len(self._index), "a substitution must be exactly one character"
        return text, OffsetMap(self._index, len(self.source))


@dataclass
class Document:
    """One decoded source: `raw` is kept byte-for-byte, `text` is what the stages read."""

    raw: str
    text: str
    offsets: OffsetMap
    flags: dict = field(default_factory=dict)

    @classmethod
    def from_raw(cls, raw: str) -> "Document":
        return cls(raw, raw, OffsetMap.identity(len(raw)))

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The only place a span changes coordinates: view → raw."""
        return self.offsets.to_raw(start, end)
