"""The offset map: any sequence of 1:1 substitutions and deletions maps back exactly."""
from hypothesis import given
from hypothesis import strategies as st

from service.pipeline.document import OffsetMap, ViewBuilder

# An edit per raw character: keep it, substitute it (here: upper-case marker), or delete it.
EDITS = st.lists(st.tuples(st.characters(codec="utf-8"), st.sampled_from(["keep", "sub", "delete"])),
                 max_size=60)


def build(edits):
    raw = "".join(ch for ch, _ in edits)
    builder = ViewBuilder(raw)
    for i, (ch, op) in enumerate(edits):
        if op == "keep":
            builder.keep(i)
        elif op == "sub":
            builder.keep(i, "#")
    return raw, *builder.build()


@given(EDITS, st.data())
def test_view_spans_map_back_monotonic_and_onto_the_same_characters(edits, data):
    raw, view, offsets = build(edits)
    assert len(view) == len(offsets)
    start = data.draw(st.integers(0, len(view)))
    end = data.draw(st.integers(start, len(view)))
    raw_start, raw_end = offsets.to_raw(start, end)
    assert 0 <= raw_start <= raw_end <= len(raw)
    for i in range(start, end):
        pos = offsets.raw_index(i)
        assert raw_start <= pos < raw_end
        kept_char = view[i]
        assert kept_char == "#" or raw[pos] == kept_char
    if start < end:
        assert offsets.to_raw(start, start + 1)[0] == raw_start
    indexes = [offsets.raw_index(i) for i in range(len(view))]
    assert indexes == sorted(set(indexes))


@given(EDITS, EDITS)
def test_composed_maps_go_straight_back_to_raw(first, second):
    raw, view, outer = build(first)
    inner_builder = ViewBuilder(view)
    for i in range(len(view)):
        if i % 3:
            inner_builder.keep(i)
    view2, inner = inner_builder.build()
    composed = outer.compose(inner)
    for i, ch in enumerate(view2):
        assert composed.raw_index(i) == outer.raw_index(inner.raw_index(i))
        assert ch == "#" or raw[composed.raw_index(i)] == ch


def test_empty_span_at_the_end_maps_to_the_raw_end():
    assert OffsetMap([0, 2], 5).to_raw(2, 2) == (5, 5)
