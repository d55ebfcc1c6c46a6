"""Runs of a paragraph: mentions marked, the text kept whole."""
from hypothesis import given
from hypothesis import strategies as st

from service.web.highlight import Run, runs


def test_marks_the_current_fact_and_the_others():
    text = "全县投资3000万元,带动1545户增收。"
    spans = [(104, 110, 7), (113, 118, 8)]
    assert runs(text, 100, spans, current=8) == [
        Run("全县投资"), Run("3000万元", 7), Run(",带动"), Run("1545户", 8, True), Run("增收。")]


@given(st.text(max_size=60), st.lists(st.tuples(st.integers(0, 70), st.integers(0, 70)), max_size=8),
       st.integers(0, 1000))
def test_runs_always_join_back_into_the_text(text, pairs, offset):
    spans = [(offset + a, offset + b, i) for i, (a, b) in enumerate(pairs)]
    result = runs(text, offset, spans)
    assert "".join(r.text for r in result) == text
    marked = [r for r in result if r.fact_id is not None]
    assert all(text[spans[r.fact_id][0] - offset:spans[r.fact_id][1] - offset] == r.text for r in marked)
