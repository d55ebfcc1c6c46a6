"""Measures and indicators: what a number counts, table-driven."""
import pytest

from service.pipeline.indicators import OTHER, classify, load_indicators
from service.pipeline.measures import extract_measure
from service.pipeline.units import load_units

MEASURES = [
    ("带动1545户3864名贫困人口增收", "3864名", "people", "贫困人口"),
    ("提供就业岗位2000个以上", "2000个", "count", "就业岗位"),
    ("贫困发生率降至0.73%", "0.73%", "percent", "贫困发生率"),
    ("签订3.5万吨玉米、600吨大豆购销协议", "600吨", "mass", "大豆"),
    ("决定资助10万元扶贫资金", "10万元", "currency", "扶贫资金"),
    ("全县投资3000万元", "3000万元", "currency", "投资"),
    ("安置了3595名贫困群众", "3595名", "people", "贫困群众"),
    ("光伏电站装机容量达到20兆瓦", "20兆瓦", "power", "光伏电站装机容量"),
    ("11家企业现场捐赠", "11家", "count", "企业现场"),
    ("其中建档立卡贫困人口4109人1033户", "1033户", "households", "建档立卡贫困人口"),  # window cut 建档立卡
]


@pytest.mark.parametrize("text,mention,dimension,expected", MEASURES, ids=[m[0] for m in MEASURES])
def test_measures(text, mention, dimension, expected):
    start = text.index(mention)
    assert extract_measure(text, start, start + len(mention), dimension, (0, len(text))) == expected


INDICATORS = [
    ("向临县捐赠1000万元现金", "1000万元", "currency", "donation"),
    ("全县总投资6.3亿元", "6.3亿元", "currency", "investment"),
    ("发放扶贫小额贷款2.2亿元", "2.2亿元", "currency", "loan"),
    ("人均纯收入达到12000元", "12000元", "currency", "income"),
    ("每户补助4000元", "4000元", "currency", "subsidy"),
    ("贫困发生率降至0.73%", "0.73%", "percent", "poverty_rate"),
    ("减贫23149人", "23149人", "people", "poverty_population"),
    ("全村共有村民1032人", "1032人", "people", "population"),
    ("脱贫人口210人", "210人", "people", "poverty_population"),
    ("易地扶贫搬迁人口4798人", "4798人", "people", "relocated_population"),
    ("该村共有农户620户", "620户", "households", "households"),
    ("全村共有农户620户，其中贫困户56户", "56户", "households", "poverty_population"),
    ("易地扶贫搬迁2078户", "2078户", "households", "relocated_population"),
    ("提供就业岗位2000个", "2000个", "count", "employment"),
    ("培训农民500人次", "500人次", "people", "training"),
    ("建成村级光伏电站300千瓦", "300千瓦", "power", "pv_capacity"),
    ("种植核桃6万亩", "6万亩", "area", "planted_area"),
    ("选派第一书记103名", "103名", "people", "cadres"),
    ("他今年52岁", "52岁", "age", OTHER),
]


@pytest.mark.parametrize("text,mention,dimension,expected", INDICATORS, ids=[i[0] for i in INDICATORS])
def test_indicators(text, mention, dimension, expected):
    start = text.index(mention)
    span = (0, len(text))
    assert classify(text, start, start + len(mention), dimension, span, span) == expected


def test_the_taxonomy_names_known_dimensions_only():
    dimensions = {u.dimension for u in load_units().every_unit()}
    for indicator in load_indicators().values():
        assert indicator.keywords and set(indicator.dimensions) <= dimensions, indicator.code


def test_every_unit_has_a_dimension_and_a_positive_factor():
    for unit in load_units().every_unit():
        assert unit.dimension and unit.canonical and unit.factor > 0


def test_a_canonical_unit_has_one_dimension():
    """The summary keeps one row per place and canonical unit for all dimensions (store/summary.py)."""
    dimensions: dict[str, set] = {}
    for unit in load_units().every_unit():
        dimensions.setdefault(unit.canonical, set()).add(unit.dimension)
    assert {canonical: found for canonical, found in dimensions.items() if len(found) > 1} == {}


def test_a_second_reading_is_of_a_listed_surface():
    from service.pipeline.units import UnitTable

    row = {"surface": "块", "canonical": "块", "dimension": "count", "factor": 1}
    assert UnitTable([{**row, "canonical": "元", "dimension": "currency"}], [row]).second_reading["块"].dimension == "count"
    with pytest.raises(ValueError, match="second reading"):
        UnitTable([], [row])
