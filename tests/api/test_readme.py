"""The README is part of the contract: its curl examples run, and it documents every parameter and setting."""
import re
import shlex
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest

from schemas.articles import ArticleListArgs
from schemas.claims import ClaimQueryArgs
from schemas.facts import FactFilterArgs, FactQueryArgs, StatsArgs
from schemas.places import PlaceListArgs
from service.settings import SETTINGS

from ..conftest import fetch

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def curl_examples() -> list[tuple[str, int]]:
    """(path with query, expected status) for every curl line of the README."""
    examples = []
    for line in README.splitlines():
        if not line.startswith("curl "):
            continue
        command, _, comment = line.partition("#")
        words = shlex.split(command)
        url = next(w for w in words[1:] if w.startswith("http"))
        assert url.isascii(), f"curl sends {url!r} as raw UTF-8, which gunicorn refuses: use --data-urlencode"
        data = [words[i + 1] for i, w in enumerate(words) if w == "--data-urlencode"]
        parts = urlsplit(url)
        query = parts.query
        if data:
            query = "&".join(filter(None, [query, urlencode([tuple(d.split("=", 1)) for d in data])]))
        status = int(re.search(r"\d{3}", comment).group(0)) if comment.strip() else 200
        examples.append((parts.path + ("?" + query if query else ""), status))
    return examples


EXAMPLES = curl_examples()


def test_the_readme_has_examples():
    assert len(EXAMPLES) > 20


@pytest.mark.parametrize("path,status", EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_every_curl_example_works(live_server, path, status):
    code, headers, body = fetch(live_server + path.replace(" ", "%20"))
    assert code == status, body
    if status == 200 and isinstance(body, dict) and "rows" in body:
        assert body["rows"], f"{path} returned no rows"
    if status == 400:
        assert body["errors"][0]["parameter"] in path


@pytest.mark.parametrize("schema", [FactQueryArgs, StatsArgs, ArticleListArgs, PlaceListArgs, ClaimQueryArgs])
def test_every_query_parameter_is_documented(schema):
    for field in schema().fields.values():
        name = field.data_key or field.name
        assert f"`{name}`" in README, f"{schema.__name__}.{name} is not in the README"


ENDPOINTS = [(FactQueryArgs, "/v1/facts", set()), (StatsArgs, "/v1/stats", set(FactFilterArgs().fields)),
             (ArticleListArgs, "/v1/articles", set()), (PlaceListArgs, "/v1/places", set()),
             (ClaimQueryArgs, "/v1/claims", set(FactFilterArgs().fields))]


@pytest.mark.parametrize("schema,endpoint,shared", ENDPOINTS, ids=[e[1] for e in ENDPOINTS])
def test_every_query_parameter_has_a_curl_example(schema, endpoint, shared):
    """Filters /v1/stats and /v1/claims share with /v1/facts are shown there; `next` only ever comes from a
    response."""
    used = {pair.split("=", 1)[0] for path, _ in EXAMPLES if path.split("?")[0] == endpoint
            for pair in path.partition("?")[2].split("&") if pair}
    for name, field in schema().fields.items():
        key = field.data_key or name
        assert key == "next" or name in shared or key in used, f"no curl example uses {key} on {endpoint}"


def test_every_setting_is_in_the_configuration_table():
    table = README[README.index("## Configuration"):README.index("## Docker")]
    for setting in SETTINGS:
        assert f"| `{setting.name}` |" in table
