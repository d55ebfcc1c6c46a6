"""Full-text `q` on both stores: the index is kept in step with the facts and finds 2-character words."""
import pytest

from service import store
from service.job import run_extraction
from service.store.models import Fact
from service.store.search import bigrams, match_expression

from ..conftest import SEEDS

BIGRAMS = [("临县", "临县"), ("临县县委", "临县 县县 县委"), ("投资3000万元", "投资 3000 万元"), ("县", "县"),
           ("KWp光伏", "kwp 光伏"), ("", "")]


@pytest.mark.parametrize("text,expected", BIGRAMS)
def test_bigrams(text, expected):
    assert bigrams(text) == expected


def test_only_han_queries_use_the_index():
    assert match_expression("临县") == '"临县"'
    assert match_expression("县") is None and match_expression("kw") is None and match_expression("临县,") is None


def test_the_index_follows_the_facts(empty_store):
    run_extraction([str(SEEDS)])
    run_extraction([str(SEEDS)], force=True)
    facts = Fact.select().count()
    if store.is_postgres():
        indexes = [r[0] for r in store.db.execute_sql("SELECT indexname FROM pg_indexes WHERE tablename = 'fact'")]
        assert "fact_sentence_trgm" in indexes
    else:
        assert store.db.execute_sql("SELECT count(*) FROM fact_search").fetchone()[0] == facts


@pytest.mark.parametrize("word", ["临县", "光伏", "离石", "贫困户", "kw", "3000", "县"])
def test_q_finds_exactly_the_sentences_holding_the_word(client, word):
    rows = client.get("/v1/facts", query_string={"q": word, "limit": 1000}).get_json()["rows"]
    everything = client.get("/v1/facts?limit=1000").get_json()["rows"]
    expected = {f["id"] for f in everything if word.lower() in f["provenance"]["sentence"].lower()}
    assert expected and {r["id"] for r in rows} == expected
