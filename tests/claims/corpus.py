"""The claims corpus: the seeds, and each seed rewritten three ways (variants.py), with what every pair of
its facts truly is: the same figure, different quantities, or a conflict. The truth follows from the
hand-labelled seed pairs (seed_pairs.json) and from what each rewrite did; the store's claims are scored
against it, pair by pair."""
from __future__ import annotations

import itertools
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from service.pipeline.stages import run_stages
from service.store.claims import bucket_of
from service.store.models import ClaimConflict, ClaimFact, Fact, Source

from ..conftest import SEEDS
from .variants import CONTRADICTING, UPDATING, rewritable, rewrite, rounded, scaled

HERE = Path(__file__).resolve().parent
UPDATED_PUBLISHED = "2022-06-30"  # later than any seed: figures dated by the page move to this year
KINDS = ("rounded", "contradicted", "updated")


def seed_labels() -> dict[tuple, str]:
    pairs = json.loads((HERE / "seed_pairs.json").read_text(encoding="utf-8"))["pairs"]
    return {(p["doc"], *sorted((p["a"], p["b"]))): p["label"] for p in pairs}


def write_corpus(root: Path) -> dict[str, dict[int, tuple[int, str]]]:
    """Write the corpus into `root`; returns, per file name, each fact start → (its seed fact's start, what
    was done to it: seed, copy, rounded, contradicted or updated with a factor)."""
    origins: dict[str, dict[int, tuple[int, str]]] = {}
    for path in sorted(SEEDS.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        shutil.copy(path, root / path.name)
        facts = [f for a in run_stages(raw) for p in a.paragraphs for f in p.facts]
        starts = sorted({f.start for f in facts})
        origins[path.name] = {s: (s, "seed") for s in starts}
        weighed = [f for f in facts if rewritable(f)
                   and bucket_of(f.place_code, f.year, f.unit, f.dimension, f.indicator, f.measure)]
        edits = {
            "rounded": {f.start: (f.end, rounded(f.text), "rounded") for f in weighed if rounded(f.text)},
            "contradicted": {f.start: (f.end, scaled(f.text, CONTRADICTING[i // 2 % len(CONTRADICTING)]),
                                       f"contradicted×{CONTRADICTING[i // 2 % len(CONTRADICTING)]}")
                             for i, f in enumerate(weighed) if i % 2 == 0},
            "updated": {f.start: (f.end, scaled(f.text, UPDATING), f"updated×{UPDATING}") for f in weighed},
        }
        for kind in KINDS:
            variant = rewrite(raw, edits[kind])
            name = f"{path.stem}.{kind}.txt"
            (root / name).write_text(variant.raw, encoding="utf-8")
            origins[name] = {variant.offset(s): (s, variant.rewritten.get(s, "copy")) for s in starts}
        (root / f"{path.stem}.updated.txt.meta.json").write_text(json.dumps({"published": UPDATED_PUBLISHED}))
    return origins


@dataclass(frozen=True)
class StoredFact:
    id: int
    doc: str
    start: int
    year: int | None
    bucket: tuple | None
    claim: int | None


def stored_facts() -> list[StoredFact]:
    claims = dict(ClaimFact.select(ClaimFact.fact, ClaimFact.claim).tuples())
    rows = (Fact.select(Fact.id, Source.name, Fact.start, Fact.year, Fact.place_code, Fact.unit, Fact.dimension,
                        Fact.indicator, Fact.measure).join(Source, on=(Fact.source == Source.id)).tuples())
    return [StoredFact(i, doc, start, year, bucket_of(code, year, unit, dimension, indicator, measure), claims.get(i))
            for i, doc, start, year, code, unit, dimension, indicator, measure in rows]


def stored_conflicts() -> set[tuple[int, int]]:
    return set(ClaimConflict.select(ClaimConflict.claim, ClaimConflict.other).tuples())


def seed_of(doc: str) -> str:
    return doc.split(".")[0] + ".txt"


def origin(f: StoredFact, origins: dict) -> tuple[int, str]:
    """The seed fact a stored fact comes from, and what was done to it; a fact the seed did not have (a
    rewrite changed what was read) is its own."""
    return origins[f.doc].get(f.start, (-1 - f.start, "new"))


def truth(u: StoredFact, v: StoredFact, origins: dict, labels: dict) -> str:
    """What the pair truly is: a rewrite that changed one figure and not the other turns the same figure into
    a conflict; a figure a year later is a different one."""
    (seed_u, done_u), (seed_v, done_v) = origin(u, origins), origin(v, origins)
    if seed_of(u.doc) != seed_of(v.doc):
        return "different"
    base = "same" if seed_u == seed_v else labels.get((seed_of(u.doc), *sorted((seed_u, seed_v))), "different")
    if base == "different" or u.year != v.year:
        return "different"
    if _factor(done_u) != _factor(done_v):
        return "conflict"
    return base


def _factor(done: str) -> str:
    """What a rewrite multiplied the figure by: rounding and copying leave it as it was."""
    return done.partition("×")[2] or "1"


def predicted(u: StoredFact, v: StoredFact, conflicting: set) -> str:
    if u.claim is not None and u.claim == v.claim:
        return "same"
    if (u.claim, v.claim) in conflicting:
        return "conflict"
    return "different"


def judged_pairs(facts: list[StoredFact], origins: dict, labels: dict, conflicting: set) -> list[tuple]:
    """(u, v, truth, prediction) for every pair the claims judge (one bucket) or should have (truly the same
    figure or a conflict)."""
    by_seed: dict[tuple, list[StoredFact]] = {}
    by_bucket: dict[tuple, list[StoredFact]] = {}
    for f in facts:
        by_seed.setdefault((seed_of(f.doc), origin(f, origins)[0]), []).append(f)
        if f.bucket is not None:
            by_bucket.setdefault(f.bucket, []).append(f)
    pairs: set[tuple[int, int]] = set()
    for group in by_bucket.values():
        pairs.update((a.id, b.id) for a, b in itertools.combinations(sorted(group, key=lambda f: f.id), 2))
    linked = {}
    for (doc, a), (_, b) in ((k, k2) for k, k2 in itertools.combinations(sorted(by_seed), 2) if k[0] == k2[0]):
        if labels.get((doc, *sorted((a, b)))) in ("same", "conflict"):
            linked.setdefault((doc, a), []).append((doc, b))
    for key, group in by_seed.items():
        relatives = group + [f for other in linked.get(key, []) for f in by_seed[other]]
        pairs.update(tuple(sorted((a.id, b.id))) for a, b in itertools.combinations(relatives, 2))
    index = {f.id: f for f in facts}
    return [(index[a], index[b], truth(index[a], index[b], origins, labels),
             predicted(index[a], index[b], conflicting)) for a, b in sorted(pairs)]


def scores(judged: list[tuple], label: str, weighable: bool = False) -> tuple[float, float, int, int]:
    """Precision, recall, predicted and true pairs for one label; `weighable`: only pairs of facts that can
    be in a claim (a fact without a place, a year or a measure is in none)."""
    if weighable:
        judged = [j for j in judged if j[0].bucket is not None and j[1].bucket is not None]
    said = [j for j in judged if j[3] == label]
    true = [j for j in judged if j[2] == label]
    hit = sum(1 for j in said if j[2] == label)
    return (hit / len(said) if said else 1.0, hit / len(true) if true else 1.0, len(said), len(true))
