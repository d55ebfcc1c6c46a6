"""The HTML pages. They run the API's own queries in-process, so a page and its JSON never disagree."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from flask import jsonify, make_response, render_template, request, url_for
from peewee import fn

from schemas.explorer import ExplorerArgs

from .. import settings
from ..api.meta import index_document
from ..api.problems import ApiError
from ..api.query import FactQuery, parse_args
from ..api.stats import grouped
from ..store.models import Article, Claim, ClaimConflict, ClaimFact, Fact, Indicator, Paragraph, Place, Source
from . import bp
from .highlight import runs

SORTS = [("", "入库顺序"), ("-value", "数值从大到小"), ("value", "数值从小到大"), ("-year", "年份从新到旧"),
         ("place,-value", "按地点")]
CONFLICT_CHOICES = [("", "全部"), ("true", "只看有矛盾的"), ("false", "不看有矛盾的")]
CONSENSUS_LABELS = {"only": "各来源一致", "most_sources": "多数来源所报", "most_precise": "最精确的数字"}
SHOWN_REPORTS = 20  # facts of a claim listed on a fact's page
GROUP_LABELS = {"place": "地点", "indicator": "指标", "year": "年份", "unit": "单位", "dimension": "量纲"}
CHART_BARS = 12
PAGE_POLICY = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
               "connect-src 'self'; base-uri 'none'; form-action 'self'; object-src 'none'")
ORIGIN = re.compile(r"^(https?://[A-Za-z0-9.*-]+(:\d+)?|'self')$")


def wants_html() -> bool:
    """Browsers get the explorer at /, every other client (curl: */*) the JSON index."""
    return request.accept_mimetypes.best_match(["application/json", "text/html"]) == "text/html"


def frame_origins() -> list[str]:
    """KAOJU_FRAME_ORIGINS as CSP sources; anything that is not a plain origin is dropped."""
    given = re.split(r"[,\s]+", settings.get("KAOJU_FRAME_ORIGINS") or "")
    return [origin for origin in given if ORIGIN.match(origin)]


def html(body: str, status: int = 200, embeddable: bool = False):
    """An HTML response that no other site may frame, unless it is an embed card."""
    response = make_response(body, status)
    ancestors = " ".join(["'self'", *frame_origins()]) if embeddable else "'none'"
    response.headers["Content-Security-Policy"] = f"{PAGE_POLICY}; frame-ancestors {ancestors}"
    return response


HEADINGS = {400: "查询太复杂或参数有误", 401: "需要访问密钥", 403: "这个密钥无权访问", 404: "找不到这个页面",
            429: "请求太频繁，请稍后再试", 503: "数据库暂时无法回答"}


def is_page_request() -> bool:
    """A browser asking for a page (not the API, not a health check): its errors are HTML pages too."""
    return not request.path.startswith(("/v1/", "/healthz", "/readyz", "/docs")) and wants_html()


def error_page(status: int, title: str, detail: str):
    """The HTML page for an error a browser hit on one of our pages; the API's own answer stays JSON."""
    heading = HEADINGS.get(status, "出错了")
    return html(render_template("error.html", status=status, title=title, detail=detail, heading=heading), status)


def init_app(app) -> None:
    app.extensions.setdefault("kaoju", {})["error_page"] = (is_page_request, error_page)

    @app.template_filter("number")
    def number(value):
        """1234567.0 → 1,234,567; 0.0073 → 0.0073."""
        if value is None:
            return ""
        if float(value).is_integer():
            return f"{int(value):,}"
        return f"{value:,.6g}" if abs(value) >= 1 else f"{value:.6g}"


@bp.get("/")
def explorer():
    if not wants_html():
        return jsonify(index_document())
    errors: list[dict] = []
    rows, token, chart, args = [], None, [], {}
    try:
        args = parse_args(ExplorerArgs, drop_empty=True)
    except ApiError as exc:
        errors = exc.errors or [{"parameter": "", "message": exc.detail}]
    if not errors:
        rows, token = FactQuery(args).page()
        chart = chart_bars(args)
    form = {k: v for k, v in request.args.items() if k != "next"}
    next_url = url_for("web.explorer", **{**form, "next": token}) if token else None
    indicators = list(Indicator.select(Indicator.code, Indicator.label).order_by(Indicator.code))
    body = render_template("explorer.html", rows=[table_row(r) for r in rows], next_url=next_url, chart=chart,
                           errors=errors, form=form, indicators=indicators, sorts=SORTS, groups=GROUP_LABELS,
                           conflict_choices=CONFLICT_CHOICES,
                           group_by=args.get("group_by", "place"), first_page=bool(request.args.get("next")),
                           first_url=url_for("web.explorer", **form))
    return html(body, 400 if errors else 200)


def table_row(row) -> dict:
    """A result row: the fact, its sentence with the mention marked, and the page it was read from."""
    return {"id": row.id, "text": row.text, "value": row.value, "high": row.high, "unit": row.unit,
            "qualifier": row.qualifier, "indicator": row.indicator, "place": row.place, "year": row.year,
            "measure": row.measure, "in_title": row.in_title, "doc": row.doc, "original": web_address(row.source_url),
            "sentence": runs(row.sentence, row.sentence_start, [(row.start, row.end, row.id)], current=row.id)}


def web_address(url: str | None) -> str | None:
    """A source's address when it is one a browser may follow (http or https): a --meta row saying
    javascript:… or file:… is shown as text, never linked."""
    if url and urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return url.strip()
    return None


def chart_bars(args: dict) -> list[dict]:
    """Facts per group for the chart, largest first, each bar linking to the explorer narrowed to it."""
    group_by = args["group_by"]
    counts: dict = {}
    labels: dict = {}
    for row in grouped({**args, "limit": 500}):
        if row.key is None:
            continue
        counts[row.key] = counts.get(row.key, 0) + row.n
        labels[row.key] = getattr(row, "label", None) or str(row.key)
    if group_by == "indicator":
        names = {i.code: i.label for i in Indicator.select(Indicator.code, Indicator.label)}
        labels = {k: names.get(k, k) for k in labels}
    top = sorted(counts.items(), key=lambda item: (-item[1], str(item[0])))[:CHART_BARS]
    narrowed = "place_code" if group_by == "place" else group_by
    replaced = {"next", narrowed, group_by}  # a bar for a place replaces both place= and place_code=
    form = {k: v for k, v in request.args.items() if k not in replaced}
    biggest = max((n for _, n in top), default=1)
    return [{"label": labels[key], "count": n, "share": n / biggest,
             "url": url_for("web.explorer", **{**form, narrowed: key})} for key, n in top]


@bp.get("/facts/<int(max=9223372036854775807):fact_id>")
def fact_page(fact_id: int):
    """One fact in its paragraph: the mention in <mark>, the paragraph's other facts underlined."""
    row = FactQuery({}).get(fact_id)
    if row is None:
        return html(render_template("missing.html", what=f"事实 {fact_id}"), 404)
    paragraph = Paragraph.get_by_id(row.paragraph_id)
    others = Fact.select(Fact.id, Fact.start, Fact.end).where(Fact.paragraph == paragraph.id)
    pieces = runs(paragraph.text, paragraph.start, [(f.start, f.end, f.id) for f in others], current=fact_id)
    embed = request.args.get("embed", "").lower() in ("1", "true", "yes")
    indicator = Indicator.get_or_none(Indicator.code == row.indicator)
    body = render_template("fact_embed.html" if embed else "fact.html", fact=row, runs=pieces,
                           place_path=place_path(row.place_code), original=web_address(row.source_url),
                           indicator_label=indicator.label if indicator else row.indicator,
                           claim=None if embed else claim_of(row))
    return html(body, embeddable=embed)


def claim_of(row) -> dict | None:
    """What the other reports say of a fact's figure: its claim's consensus, the claim's facts in other
    articles, and the claims that contradict it, each with its sentences, the figure marked."""
    claim = (Claim.select().join(ClaimFact, on=(ClaimFact.claim == Claim.id)).where(ClaimFact.fact == row.id)
             .first())
    if claim is None:
        return None
    reports = _reports([claim.id])
    others = [r for r in reports.get(claim.id, []) if r["article"] != row.article_id]
    against = [c for c in Claim.select().join(ClaimConflict, on=(ClaimConflict.other == Claim.id))
               .where(ClaimConflict.claim == claim.id).order_by(Claim.id)]
    their = _reports([c.id for c in against])
    return {"id": claim.id, "value": claim.value, "consensus": CONSENSUS_LABELS.get(claim.consensus, claim.consensus),
            "sources": claim.sources, "other_sources": len({r["doc"] for r in others} - {row.doc}),
            "others": others, "own": reports.get(claim.id, []),
            "conflicts": [{"id": c.id, "value": c.value, "sources": c.sources, "reports": their.get(c.id, [])}
                          for c in against]}


def _reports(claim_ids: list[int]) -> dict[int, list[dict]]:
    """The first SHOWN_REPORTS facts of each claim with their sentences cut into runs, the figure marked."""
    found: dict[int, list[dict]] = {}
    if not claim_ids:
        return found
    query = (Fact.select(ClaimFact.claim, Fact.id, Fact.text, Fact.start, Fact.end, Fact.sentence, Fact.sentence_start,
                         Fact.article, Source.name, fn.COALESCE(Article.date, Source.published), Article.title)
             .join(ClaimFact, on=(ClaimFact.fact == Fact.id))
             .switch(Fact).join(Article, on=(Fact.article == Article.id))
             .switch(Fact).join(Source, on=(Fact.source == Source.id))
             .where(ClaimFact.claim.in_(claim_ids)).order_by(ClaimFact.claim, Fact.id))
    for claim_id, fact_id, text, start, end, sentence, sentence_start, article, doc, reported, title in query.tuples():
        listed = found.setdefault(claim_id, [])
        if len(listed) < SHOWN_REPORTS:
            listed.append({"id": fact_id, "text": text, "article": article, "doc": doc, "reported": reported,
                           "title": title,
                           "sentence": runs(sentence, sentence_start, [(start, end, fact_id)], current=fact_id)})
    return found


def place_path(code: str | None) -> list[Place]:
    """The place and its ancestors, province first."""
    if not code:
        return []
    place = Place.get_or_none(Place.code == code)
    if place is None:
        return []
    codes = [c for c in place.path.strip("/").split("/") if c]
    found = {p.code: p for p in Place.select().where(Place.code.in_(codes))}
    return [found[c] for c in codes if c in found]


@bp.get("/articles/<int(max=9223372036854775807):article_id>")
def article_page(article_id: int):
    """A whole article, every fact in it marked and linked to its own page."""
    article = Article.select(Article, Source.name).join(Source).where(Article.id == article_id).objects().first()
    if article is None:
        return html(render_template("missing.html", what=f"文章 {article_id}"), 404)
    facts: dict[int, list[tuple[int, int, int]]] = {}
    for f in Fact.select(Fact.id, Fact.start, Fact.end, Fact.paragraph).where(Fact.article == article_id):
        facts.setdefault(f.paragraph_id, []).append((f.start, f.end, f.id))
    paragraphs = [(p.kind, runs(p.text, p.start, facts.get(p.id, [])))
                  for p in Paragraph.select().where(Paragraph.article == article_id).order_by(Paragraph.index)
                  if p.kind != "heading" or p.id in facts]  # a headline shows again only to mark its figures
    return html(render_template("article.html", article=article, paragraphs=paragraphs,
                                fact_count=sum(len(v) for v in facts.values())))
