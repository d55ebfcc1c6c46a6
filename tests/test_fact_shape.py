"""The fields of a fact are declared once (service/fact_shape.py); everything that holds a fact follows."""
import dataclasses

from peewee import BooleanField, CharField, DoubleField, IntegerField, TextField

from schemas.facts import FactSchema
from service.api.facts import CSV_COLUMNS
from service.store.export import FACT_FIELDS as EXPORT_FIELDS
from service.store.writer import FACT_COLUMNS
from service.store.models import Fact
from service.fact_shape import API_FIELDS, FACT_FIELDS, FactRecord

NAMES = [f.name for f in FACT_FIELDS]


def test_the_record_is_the_declared_fields_and_frozen():
    assert [f.name for f in dataclasses.fields(FactRecord)] == NAMES + ["place_chain"]
    record = FactRecord(**{name: None for name in NAMES})
    try:
        record.value = 1.0
    except dataclasses.FrozenInstanceError:
        pass
    else:
        raise AssertionError("a FactRecord can be changed after the map back")


def test_the_model_stores_every_declared_field_as_declared():
    kinds = {bool: (BooleanField,), int: (IntegerField,), float: (DoubleField,), str: (CharField, TextField)}
    for declared in FACT_FIELDS:
        column = Fact._meta.fields[declared.name]
        assert isinstance(column, kinds[declared.type]), declared.name
        assert column.null == declared.null and bool(column.index) == declared.index, declared.name
        if declared.length is not None:
            assert column.max_length == declared.length
    assert list(FACT_COLUMNS) == ["paragraph", "article", "source", *NAMES, "extractor_version"]


def test_the_api_body_and_every_export_follow_the_declaration():
    assert list(FactSchema().fields) == ["id", "url", *(f.name for f in API_FIELDS), "extractor_version", "provenance"]
    assert [name for name in EXPORT_FIELDS if name in NAMES] == NAMES
    assert CSV_COLUMNS == [*EXPORT_FIELDS, "url"]
