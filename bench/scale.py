"""Build a store of 10^6 facts on SQLite and on PostgreSQL, for bench/api.py.

    python bench/scale.py [--facts 1000000] [--sqlite PATH | --no-sqlite] [--postgres URL | --no-postgres] [--writer]
    python bench/scale.py --facts 10000000 --no-sqlite --postgres postgresql://postgres@127.0.0.1:5432/kaoju_scale_1e7

The seeds are extracted once; each copy of a seed page is then stored, into SQLite through the job's
own writer (one transaction per source, bulk inserts, search index), into an empty PostgreSQL store
by a bulk load (service/store/bulk.py: the writer's rows by COPY, in one transaction, with the
secondary indexes and foreign keys made after the load), with its numbers rewritten digit
for digit in the raw text (so every span still quotes its source), its places drawn from the
gazetteer at the same level (half in the same province, half anywhere in China) and its years
shifted by 0 to 5. A store that already holds enough facts is kept. Prints the machine, the time
taken and the rows written per second, and the PostgreSQL store's tables and indexes by size.
"""
import argparse
import dataclasses
import hashlib
import random
import re
import sys
import time
from pathlib import Path

from machine import machine

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service import store  # noqa: E402
from service.job import JobSummary, extract_file, store_extraction  # noqa: E402
from service.reference import reference_data  # noqa: E402
from service.pipeline import EXTRACTOR_VERSION  # noqa: E402
from service.store.bulk import BulkLoad  # noqa: E402
from service.store.models import Fact, Place, StoreInfo  # noqa: E402
from service.pipeline import PlaceRecord  # noqa: E402

DEFAULT_SQLITE = ROOT / "bench" / ".data" / "scale.db"
DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432/kaoju_scale"
DIGITS = re.compile(r"[0-9]+(?:\.[0-9]+)?")


class PlaceDraw:
    """Random places from the gazetteer at a given level, half of them in a given province."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.by_level: dict[str, list[Place]] = {}
        for place in Place.select().where(Place.level.in_(["province", "prefecture", "county", "town"])):
            self.by_level.setdefault(place.level, []).append(place)
        self.by_code = {place.code: place for places in self.by_level.values() for place in places}
        self.by_province = {}
        for level, places in self.by_level.items():
            for place in places:
                self.by_province.setdefault((level, place.code[:2]), []).append(place)

    def like(self, original: PlaceRecord) -> PlaceRecord:
        level = original.level if original.level in self.by_level else "town"
        pool = self.by_level[level]
        if self.rng.random() < 0.5:
            pool = self.by_province.get((level, original.code[:2]), pool)
        place = self.rng.choice(pool)
        chain = [self.by_code[code] for code in place.path.strip("/").split("/") if code in self.by_code]
        return PlaceRecord(place.code, place.name, place.level, place.path,
                           [(p.code, p.name, p.level, p.parent_code) for p in chain])


def _fact_place(fact) -> PlaceRecord | None:
    """A fact's place as the PlaceRecord the page's articles carry (the last link of its chain)."""
    if not fact.place_chain:
        return None
    code, name, level, _ = fact.place_chain[-1]
    return PlaceRecord(code, name, level, "", list(fact.place_chain))


def vary(extraction, copy: int, rng: random.Random, places: PlaceDraw):
    """Another page like this one: other digits in its numbers, other places, other years."""
    raw = list(extraction.raw)
    shift = rng.randint(0, 5)
    mapped: dict[str, PlaceRecord] = {}

    def place(record):
        if record is None:
            return None
        if record.code not in mapped:
            mapped[record.code] = places.like(record)
        return mapped[record.code]

    def year(value):
        return None if value is None else value - shift

    articles = []
    for article in extraction.articles:
        paragraphs = []
        for paragraph in article.paragraphs:
            facts = []
            for fact in paragraph.facts:
                value, high, text = fact.value, fact.high, fact.text
                numbers = list(DIGITS.finditer(text))
                if len(numbers) == 1 and float(numbers[0].group()) > 0:
                    old = numbers[0].group()
                    new = "".join(c if not c.isdigit() else str(rng.randint(1 if i == 0 else 0, 9))
                                  for i, c in enumerate(old))
                    ratio = float(new) / float(old)
                    value = value * ratio
                    high = None if high is None else high * ratio
                    text = text[:numbers[0].start()] + new + text[numbers[0].end():]
                    raw[fact.start:fact.end] = list(text)
                drawn = place(_fact_place(fact))
                facts.append(dataclasses.replace(
                    fact, value=value, high=high, text=text, year=year(fact.year),
                    place=drawn and drawn.name, place_code=drawn and drawn.code,
                    place_chain=tuple(drawn.chain) if drawn else ()))
            paragraphs.append(dataclasses.replace(paragraph, facts=facts))
        date = article.date and f"{int(article.date[:4]) - shift:04d}{article.date[4:]}"
        articles.append(dataclasses.replace(article, paragraphs=paragraphs, place=place(article.place),
                                            year=year(article.year), date=date))
    text = "".join(raw)
    articles = [dataclasses.replace(article, paragraphs=[  # the sentences quote the new digits
        dataclasses.replace(paragraph, facts=[dataclasses.replace(f, sentence=text[f.sentence_start:f.sentence_end])
                                              for f in paragraph.facts])
        for paragraph in article.paragraphs]) for article in articles]
    sha = hashlib.sha256(f"{copy}:{text}".encode()).hexdigest()
    return dataclasses.replace(extraction, path=f"/scale/{copy:07d}/{Path(extraction.path).name}", sha=sha,
                               raw=text, articles=articles)


def build(url: str, target: int, bulk: bool) -> None:
    store.open_database(url)
    store.init_db(reference_data())
    have = Fact.select().count()
    if have >= target:
        print(f"{url}: already holds {have:,} facts; kept (delete it to rebuild)")
        return
    bulk = bulk and have == 0 and store.is_postgres()
    seeds = [extract_file(str(path)) for path in sorted((ROOT / "seeds").glob("*.txt"))]
    per_copy = sum(len(f) for s in seeds for a in s.articles for p in a.paragraphs for f in [p.facts])
    rng = random.Random(2026)
    places = PlaceDraw(rng)
    copy = int(StoreInfo.get_value("scale_copies") or 0)
    summary = JobSummary()
    started, chars = time.perf_counter(), 0
    from tqdm import tqdm

    def pages():
        nonlocal copy, chars
        while have + summary.facts < target:
            for seed in seeds:
                page = vary(seed, copy, rng, places)
                chars += len(page.raw)
                yield page
            copy += 1

    with tqdm(total=target, initial=have, unit="fact", desc=url.split("/")[-1], mininterval=5) as bar:
        if bulk:
            with BulkLoad(EXTRACTOR_VERSION) as load:
                for page in pages():
                    facts = load.add(page, page.path)
                    summary.sources += 1
                    summary.facts += facts
                    bar.update(facts)
                bar.set_postfix_str("indexes, summary")
                StoreInfo.set("scale_copies", str(copy))
        else:
            for page in pages():
                before = summary.facts
                store_extraction(page, summary)
                StoreInfo.set("scale_copies", str(copy))
                bar.update(summary.facts - before)
    seconds = time.perf_counter() - started
    print(f"{url}: {summary.sources:,} sources, {summary.facts:,} facts ({per_copy} per copy of the seeds) "
          f"{'by COPY, indexes made after,' if bulk else 'through the writer'} in {seconds:,.0f} s: "
          f"{summary.facts / seconds:,.0f} facts/s, {chars / seconds:,.0f} chars/s stored")
    # after a bulk load, the visibility map index-only scans need (docs/scaling.md, loading)
    store.db.execute_sql("VACUUM (ANALYZE)" if bulk else "ANALYZE")


def sizes(url: str) -> None:
    """The PostgreSQL store's tables and indexes by size, and the whole database's."""
    store.open_database(url)
    rows = store.db.execute_sql(
        "SELECT c.relname, c.relkind, pg_relation_size(c.oid), COALESCE(t.relname, c.relname) FROM pg_class c "
        "LEFT JOIN pg_index i ON i.indexrelid = c.oid LEFT JOIN pg_class t ON t.oid = i.indrelid "
        "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() "
        "AND c.relkind IN ('r', 'i') ORDER BY pg_relation_size(c.oid) DESC").fetchall()
    facts = Fact.select().count()
    print(f"{'relation':58s} {'of':14s} {'MB':>9s} {'B/fact':>7s}")
    for name, kind, size, table in rows:
        if size >= 1 << 20:
            print(f"{name:58s} {table if kind == 'i' else '(table)':14s} {size / 2**20:9,.0f} {size / facts:7.0f}")
    total = store.db.execute_sql("SELECT pg_database_size(current_database())").fetchone()[0]
    print(f"{'whole database':73s} {total / 2**20:9,.0f} {total / facts:7.0f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--facts", type=int, default=1_000_000, help="facts in each store (default 10^6)")
    parser.add_argument("--sqlite", default=str(DEFAULT_SQLITE), help=f"SQLite file (default {DEFAULT_SQLITE})")
    parser.add_argument("--postgres", default=DEFAULT_POSTGRES, help=f"PostgreSQL URL (default {DEFAULT_POSTGRES})")
    parser.add_argument("--no-postgres", action="store_true", help="build the SQLite store only")
    parser.add_argument("--no-sqlite", action="store_true", help="build the PostgreSQL store only")
    parser.add_argument("--writer", action="store_true",
                        help="fill an empty PostgreSQL store through the job's writer too, instead of by COPY")
    args = parser.parse_args()
    print(machine())
    if not args.no_sqlite:
        Path(args.sqlite).parent.mkdir(parents=True, exist_ok=True)
        build(f"sqlite:///{args.sqlite}", args.facts, bulk=False)
    if not args.no_postgres:
        create_database(args.postgres)
        build(args.postgres, args.facts, bulk=not args.writer)
        sizes(args.postgres)


def create_database(url: str) -> None:
    """CREATE DATABASE for the URL's database name, if the server lacks it."""
    import psycopg
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


if __name__ == "__main__":
    main()
