"""Tables of the store. Every span is a pair of offsets into Source.raw (the decoded file)."""
from __future__ import annotations

import datetime

from peewee import (
    SQL,
    BooleanField,
    CharField,
    DateTimeField,
    DoubleField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from ..fact_shape import FACT_FIELDS, FactField
from .connection import db


class BaseModel(Model):
    class Meta:
        database = db


class StoreInfo(BaseModel):
    """Key/value facts about the store itself: schema version, dataset version."""

    key = CharField(primary_key=True)
    value = TextField()

    @classmethod
    def get_value(cls, key: str) -> str | None:
        """Read with a plain statement: the API asks for the dataset version on every request."""
        database = cls._meta.database
        row = database.execute_sql(f'SELECT "value" FROM "storeinfo" WHERE "key" = {database.param}', (key,)).fetchone()
        return row[0] if row else None

    @classmethod
    def set(cls, key: str, value: str) -> None:
        cls.insert(key=key, value=value).on_conflict(conflict_target=[cls.key], update={cls.value: value}).execute()


class Place(BaseModel):
    """A division of China from the gazetteer, or a village the text named under one of them.

    `path` lists the codes from the province down ("/14/1411/141124/"), so a place's whole subtree
    is the places whose path starts with its own.
    """

    code = CharField(unique=True)
    name = CharField(index=True)
    short_name = CharField(null=True, index=True)
    level = CharField(max_length=12, index=True)
    parent_code = CharField(null=True, index=True)
    path = CharField(index=True)


class Indicator(BaseModel):
    """The indicator taxonomy, copied from the package's indicators.json by init-db."""

    code = CharField(unique=True)
    label = CharField()
    description = TextField()
    dimensions = TextField()  # JSON list
    keywords = TextField()  # JSON list


class Source(BaseModel):
    """One input file as read: its bytes' hash, its encoding, its decoded text, and how it went."""

    name = CharField(index=True)
    path = TextField(index=True)
    sha256 = CharField(max_length=64, unique=True)
    size = IntegerField()
    encoding = CharField(null=True)
    raw = TextField(null=True)
    status = CharField(max_length=16)  # ok | failed
    error = TextField(null=True)
    warning = TextField(null=True)  # what could not be read but did not stop the rest (a cut last character)
    url = TextField(null=True)  # where the page came from, from --meta or a sidecar (source_meta.py)
    title = TextField(null=True)
    published = CharField(max_length=10, null=True)  # YYYY, YYYY-MM or YYYY-MM-DD: the page's date
    published_source = CharField(max_length=8, null=True)  # meta | page | dateline | url | crawl (job._dated)
    outlet = TextField(null=True)  # the paper or site: given, or an HTML page's site name
    meta = TextField(null=True)  # every field given, as canonical JSON: other metadata re-extracts the source
    format = CharField(max_length=8, default="text")  # text | html: what `raw` was read from
    original = TextField(null=True)  # an HTML page as decoded; `raw` is the article text read out of it
    extractor_version = CharField(max_length=32)
    extracted_at = DateTimeField(default=datetime.datetime.now)


class SourcePath(BaseModel):
    """Every path a source's bytes were found at: identical files are one source with several paths.

    A path holds one content at a time, so it belongs to one source; the source's own `path` and `name`
    are those of the first of its paths in sorted order, whatever order the files were found in.
    """

    source = ForeignKeyField(Source, backref="paths", on_delete="CASCADE")
    path = TextField(unique=True)


class Article(BaseModel):
    source = ForeignKeyField(Source, backref="articles", on_delete="CASCADE")
    index = IntegerField()
    title = TextField(null=True)
    subtitle = TextField(null=True)
    kicker = TextField(null=True)
    byline = CharField(null=True)
    date = CharField(max_length=10, null=True, index=True)
    source_name = CharField(null=True)
    start = IntegerField()
    body_start = IntegerField()
    end = IntegerField()
    fragment = BooleanField(default=False)
    continued_at = TextField(null=True)  # JSON list of raw offsets where the story goes on lower on the page
    place = CharField(null=True)
    place_code = CharField(null=True, index=True)
    year = IntegerField(null=True)


class Paragraph(BaseModel):
    article = ForeignKeyField(Article, backref="paragraphs", on_delete="CASCADE")
    index = IntegerField()
    start = IntegerField()
    end = IntegerField()
    text = TextField()
    mojibake = BooleanField(default=False)
    sentences = TextField(null=True)  # JSON list of [start, end] raw spans
    kind = CharField(max_length=8, default="body")  # or "heading" (title, subtitle, kicker) or "caption" (a photo's)


def column(declared: FactField):
    """The peewee field that stores a declared fact field."""
    options = {"null": declared.null, "index": declared.index, "help_text": declared.help}
    if declared.type is bool:
        return BooleanField(default=False, **options)
    if declared.type is int:
        return IntegerField(**options)
    if declared.type is float:
        return DoubleField(**options)
    if declared.length is not None:
        return CharField(max_length=declared.length, **options)
    return TextField(**options)


class Fact(BaseModel):
    """A quantity with where, when and what, and the exact raw characters it was read from: the columns
    of FACT_FIELDS (service/fact_shape.py, added below), the rows it came from, and the extractor."""

    paragraph = ForeignKeyField(Paragraph, backref="facts", on_delete="CASCADE")
    article = ForeignKeyField(Article, backref="facts", on_delete="CASCADE", index=True)
    source = ForeignKeyField(Source, backref="facts", on_delete="CASCADE", index=True)
    extractor_version = CharField(max_length=32)

    class Meta:
        indexes = (
            (("value", "id"), False),
            (("place_code", "value"), False),
            (("unit", "value"), False),
            (("dimension", "value"), False),
            (("unit_written",), False),
        )


for _declared in FACT_FIELDS:
    Fact._meta.add_field(_declared.name, column(_declared))

class FactSummary(BaseModel):
    """count, sum, min and max of the facts of one place × indicator × year × unit × dimension (scope `own`),
    of a place's whole subtree (scope `subtree`; place '' is the whole store), or of one place and unit,
    alone (scope `place`), by year (`pl_year`) or by indicator (`pl_indic`), the fields they sum over kept
    as '' and -1; kept by the writer in the same transaction as the facts (store/summary.py), so /v1/stats
    reads these rows instead of the facts. A fact without a place or indicator is kept under '', without a
    year under -1 (a unique key cannot hold NULL); `place` is the greatest name its facts give an own
    place, as GROUP BY's MAX would."""

    scope = CharField(max_length=8, default="own")
    place_code = CharField(max_length=255, default="")
    indicator = CharField(max_length=32, default="")
    year = IntegerField(default=-1)
    unit = CharField(max_length=16)
    dimension = CharField(max_length=16)
    place = CharField(max_length=255, null=True)
    count = IntegerField()
    total = DoubleField()
    low = DoubleField()
    high = DoubleField()

    class Meta:
        table_name = "fact_summary"
        indexes = ((("scope", "place_code", "indicator", "year", "unit", "dimension"), True),)


class Claim(BaseModel):
    """Facts of one place, year, unit, dimension, indicator and measure that state one figure, kept by the
    writer in the same transaction as the facts (store/claims.py; what agrees and what conflicts is
    service/corroboration.py). Its id is its first fact's, so rebuilding the same facts keeps it."""

    id = IntegerField(primary_key=True)
    place_code = CharField(max_length=255, index=True)
    place = CharField(max_length=255, null=True)
    year = IntegerField(index=True)
    unit = CharField(max_length=16)
    dimension = CharField(max_length=16)
    indicator = CharField(max_length=32, null=True, index=True)
    measure = CharField(max_length=255)
    value = DoubleField(help_text="the consensus figure, in the canonical unit")
    consensus = CharField(max_length=16, help_text="how the value was chosen: only, most_sources, most_precise")
    low = DoubleField(null=True, help_text="the least value every fact's wording allows (NULL: no bound)")
    high = DoubleField(null=True, help_text="the value every fact's wording allows up to (NULL: no bound)")
    facts = IntegerField()
    sources = IntegerField(index=True)
    articles = IntegerField()
    first_reported = CharField(max_length=10, null=True)
    last_reported = CharField(max_length=10, null=True)
    conflicts = IntegerField(default=0, index=True, help_text="claims of the same bucket it conflicts with")

    class Meta:
        indexes = ((("place_code", "year", "unit", "dimension", "indicator", "measure"), False),
                   (("value", "id"), False), (("place_code", "value"), False))


class ClaimFact(BaseModel):
    """Which claim a fact is in (a fact without a place, a year or a measure is in none), with what the
    claims weigh of it, copied once when it is stored, so that remaking a claim reads these rows alone."""

    fact = ForeignKeyField(Fact, primary_key=True, on_delete="CASCADE")
    claim = ForeignKeyField(Claim, backref="members", on_delete="CASCADE", index=True)
    source = IntegerField()
    article = IntegerField()
    value = DoubleField()
    qualifier = CharField(max_length=8)
    low = DoubleField(null=True, help_text="the least value its wording allows (NULL: no bound)")
    high = DoubleField(null=True, help_text="the value its wording allows up to (NULL: no bound)")
    reported = CharField(max_length=10, null=True)
    place = CharField(max_length=255, null=True)

    class Meta:
        table_name = "claim_fact"


class ClaimConflict(BaseModel):
    """Two claims of one bucket that contradict each other, kept both ways round."""

    claim = ForeignKeyField(Claim, on_delete="CASCADE", index=False)  # the unique index below starts with it
    other = ForeignKeyField(Claim, on_delete="CASCADE", index=True)

    class Meta:
        table_name = "claim_conflict"
        indexes = ((("claim", "other"), True),)


class Run(BaseModel):
    """One run of `kaoju extract`, `kaoju enqueue` or a `kaoju worker`: when, by whom, with which extractor,
    and what it did (`kaoju status` lists them)."""

    kind = CharField(max_length=16)  # extract | enqueue | worker
    started_at = DateTimeField(default=datetime.datetime.now, index=True)
    ended_at = DateTimeField(null=True)
    extractor_version = CharField(max_length=32)
    who = CharField()  # user@host, process id
    sources = IntegerField(default=0)
    facts = IntegerField(default=0)
    skipped = IntegerField(default=0)
    failed = IntegerField(default=0)
    queued = IntegerField(default=0)  # tasks an enqueue sent


class SourceAttempt(BaseModel):
    """A source a worker has started on and not yet stored: how many times, and when last. A source whose
    worker dies or times out on it is given to another; after KAOJU_MAX_ATTEMPTS it is a failed source."""

    sha256 = CharField(max_length=64, unique=True)
    path = TextField()
    attempts = IntegerField(default=0)
    last_started_at = DateTimeField(default=datetime.datetime.now)


# The places' groups largest first, all of them, of one year, of one indicator, of both: each index holds only its
# scope's rows, and a query names the scope as a literal to use it (summary.scope_is).
FactSummary.add_index(FactSummary.index(FactSummary.count.desc(), FactSummary.place_code, FactSummary.unit,
                                        name="fact_summary_places").where(SQL("scope = 'place'")))
FactSummary.add_index(FactSummary.index(FactSummary.year, FactSummary.count.desc(), FactSummary.place_code,
                                        FactSummary.unit, name="fact_summary_places_of_year")
                      .where(SQL("scope = 'pl_year'")))
FactSummary.add_index(FactSummary.index(FactSummary.indicator, FactSummary.count.desc(), FactSummary.place_code,
                                        FactSummary.unit, name="fact_summary_places_of_indicator")
                      .where(SQL("scope = 'pl_indic'")))
FactSummary.add_index(FactSummary.index(FactSummary.indicator, FactSummary.year, FactSummary.count.desc(),
                                        FactSummary.place_code, FactSummary.unit,
                                        name="fact_summary_places_of_indicator_and_year")
                      .where(SQL("scope = 'own'")))


class ApiKey(BaseModel):
    """A key the operator made (`kaoju keys create`): its id, a salted hash of its secret (service/keys.py),
    never the secret itself; who it is for, what it may do, until when, and when it was last used."""

    key_id = CharField(max_length=16, unique=True)
    name = CharField(max_length=100, unique=True)
    scope = CharField(max_length=8)  # read | export
    salt = CharField(max_length=32)
    hash = CharField(max_length=64)
    created_at = DateTimeField(default=datetime.datetime.now)
    expires_on = CharField(max_length=10, null=True)  # YYYY-MM-DD: the key works through this day (UTC)
    revoked_at = DateTimeField(null=True)
    last_used_at = DateTimeField(null=True)

    class Meta:
        table_name = "api_key"


MODELS = [StoreInfo, Place, Indicator, Source, SourcePath, Article, Paragraph, Fact, FactSummary, Claim, ClaimFact,
          ClaimConflict, Run, SourceAttempt, ApiKey]
