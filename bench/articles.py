"""Score article segmentation on the seeds against ../shared/gold/articles.jsonl (one command).

    python bench/articles.py [--show]

A predicted article matches a gold one on the same page when their title starts at the same raw
offset or their titles read the same. Reports title P/R/F1, how many captions were taken for
articles (a predicted article whose start is a gold caption's start), and over the matched articles
how many have the gold byline (in simplified script), date, body start and place.
"""
import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "gold" / "articles.jsonl"


def predicted() -> list[dict]:
    from service.pipeline import extract_text

    rows = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        for article in extract_text(path.read_text(encoding="utf-8")):
            rows.append({"doc": path.name, "title": article.title, "start": article.start,
                         "byline": article.byline, "date": article.date, "body_start": article.body_start,
                         "place": article.place.name if article.place else None})
    return rows


def score(gold: list[dict], pred: list[dict]) -> dict:
    titled_gold = [g for g in gold if g.get("kind", "article") == "article" and g.get("title")]
    titled_pred = [p for p in pred if p["title"]]
    from service.pipeline.normalise import to_simplified

    used = set()
    matched = bylines = dates = bodies = places = 0
    for g in titled_gold:
        for j, p in enumerate(titled_pred):
            if j in used or p["doc"] != g["doc"]:
                continue
            if p["start"] == g["start"] or p["title"].strip() == g["title"].strip():
                used.add(j)
                matched += 1
                bylines += p.get("byline") == (to_simplified(g["byline"]) if g.get("byline") else None)
                dates += p.get("date") == g.get("date")
                bodies += p.get("body_start") == g.get("body_start")
                places += p.get("place") == g.get("place")
                break
    captions = {(g["doc"], g["start"]) for g in gold if g.get("kind") == "caption"}
    captions_as_articles = [p for p in pred if (p["doc"], p["start"]) in captions]
    precision = matched / len(titled_pred) if titled_pred else 0.0
    recall = matched / len(titled_gold) if titled_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"gold_titles": len(titled_gold), "predicted_titles": len(titled_pred), "matched": matched,
            "precision": precision, "recall": recall, "f1": f1, "captions_as_articles": len(captions_as_articles),
            "bylines": bylines, "dates": dates, "bodies": bodies, "places": places,
            "_unmatched_pred": [p for j, p in enumerate(titled_pred) if j not in used]}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", action="store_true", help="list predicted titles that match nothing")
    args = parser.parse_args()
    if not GOLD.exists():
        sys.exit(f"no gold articles at {GOLD}")
    gold = [json.loads(line) for line in GOLD.open(encoding="utf-8") if line.strip()]
    result = score(gold, predicted())
    print(f"titles: gold {result['gold_titles']}  predicted {result['predicted_titles']}  matched {result['matched']}")
    print(f"title  P {result['precision']:.3f}  R {result['recall']:.3f}  F1 {result['f1']:.3f}")
    print(f"captions taken for articles: {result['captions_as_articles']}")
    print(f"of the {result['matched']} matched: byline right {result['bylines']}, date {result['dates']}, "
          f"body start {result['bodies']}, place {result['places']}")
    if args.show:
        for p in result["_unmatched_pred"]:
            print("  unmatched:", json.dumps(p, ensure_ascii=False))


if __name__ == "__main__":
    main()
