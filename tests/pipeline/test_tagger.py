"""The tagger gives jieba.posseg's own words and tags (HMM off), on the seeds' windows and on any text."""
import logging
from pathlib import Path

import jieba
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jieba import posseg

from service.pipeline.normalise import normalise
from service.pipeline.tagger import tagger

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def jieba_tags():
    jieba.setLogLevel(logging.WARNING)
    return lambda text: [(p.word, p.flag) for p in posseg.lcut(text, HMM=False)]


def test_every_window_of_the_seeds(jieba_tags):
    """Ten characters from every third one of each seed page: what measures.py reads."""
    texts = [normalise(p.read_text(encoding="utf-8")).text for p in sorted(SEEDS.glob("*.txt"))]
    windows = [text[i:i + 10] for text in texts for i in range(0, len(text), 3)]
    assert len(windows) > 5000
    assert [w for w in windows if tagger().lcut(w) != jieba_tags(w)] == []


TAGGED = [
    ("贫困人口", [("贫困人口", "n")]),
    ("3864名贫困人口增收", [("3864", "eng"), ("名", "q"), ("贫困人口", "n"), ("增收", "v")]),
    ("投资", [("投资", "vn")]),
    ("C919 大飞机", [("C919", "eng"), (" ", "x"), ("大", "a"), ("飞机", "n")]),
    ("", []),
]


@pytest.mark.parametrize("text,expected", TAGGED, ids=[t for t, _ in TAGGED])
def test_tagged(text, expected, jieba_tags):
    assert tagger().lcut(text) == expected == jieba_tags(text)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("贫困人口投资万元亿户名村县的了 \r\n\t3.5%AbC#&_+－，。、（）　鿖"), max_size=24))
def test_any_text(text, jieba_tags):
    assert tagger().lcut(text) == jieba_tags(text)
    assert "".join(word for word, _ in tagger().lcut(text)) == text
