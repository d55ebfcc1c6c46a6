"""KAOJU_AUTH=keys through Flask's test client on both stores: who gets in, with what scope, what the
pages do with a key in their address, and that the store never holds a key."""
from __future__ import annotations

import datetime
import re
import subprocess
import sys
from pathlib import Path

import pytest

from service import create_app, keys, store
from service.store.models import ApiKey

BIN = Path(sys.executable).parent


def make_key(db_url: str, name: str, *options: str) -> str:
    """A key made as an operator makes one."""
    made = subprocess.run([BIN / "kaoju", "keys", "create", "--name", name, "--db", db_url, *options],
                          capture_output=True, text=True, check=True)
    return made.stdout.strip()


@pytest.fixture(scope="module")
def made_keys(seeded_store):
    suffix = re.sub(r"\W", "", seeded_store)[-12:]
    return {scope: make_key(seeded_store, f"{scope}-{suffix}", "--scope", scope) for scope in ("read", "export")}


@pytest.fixture
def locked(seeded_store):
    return create_app({"DATABASE_URL": seeded_store, "TESTING": True, "AUTH": "keys"}).test_client()


def bearer(key: str) -> dict:
    return {"Authorization": f"Bearer {key}"}


def test_without_a_key_every_api_request_is_a_401_that_says_how(locked):
    for path in ("/v1/facts", "/v1/facts/1", "/v1/claims", "/v1/stats?group_by=year", "/v1/places", "/v1/articles",
                 "/v1/indicators", "/v1/units"):
        response = locked.get(path)
        assert response.status_code == 401, path
        assert response.mimetype == "application/problem+json"
        assert response.headers["WWW-Authenticate"] == 'Bearer realm="kaoju"'
        assert "Authorization: Bearer" in response.get_json()["detail"]


@pytest.mark.parametrize("presented", ["nonsense", "kj_00000000_" + "a" * 43, "Bearer", "kj_zz_zz", ""])
def test_a_key_that_is_not_ours_is_a_401(locked, made_keys, presented):
    response = locked.get("/v1/facts?limit=1", headers=bearer(presented))
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith('Bearer realm="kaoju"')


def test_a_real_key_id_with_a_forged_secret_is_a_401(locked, made_keys):
    key_id, _ = keys.parse(made_keys["read"])
    forged = f"kj_{key_id}_" + "A" * 43
    response = locked.get("/v1/facts?limit=1", headers=bearer(forged))
    assert response.status_code == 401 and 'error="invalid_token"' in response.headers["WWW-Authenticate"]


def test_a_read_key_pages_and_aggregates_but_may_not_stream(locked, made_keys):
    read = bearer(made_keys["read"])
    assert locked.get("/v1/facts?limit=2", headers=read).status_code == 200
    assert locked.get("/v1/stats?group_by=place", headers=read).status_code == 200
    assert locked.get("/v1/claims?limit=2", headers=read).status_code == 200
    refused = locked.get("/v1/facts?format=ndjson", headers=read)
    assert refused.status_code == 403 and "--scope export" in refused.get_json()["detail"]
    streamed = locked.get("/v1/facts?format=csv", headers=bearer(made_keys["export"]))
    assert streamed.status_code == 200 and streamed.get_data(as_text=True).count("\n") > 300


def test_the_key_in_the_address_is_no_filter_and_pages_follow(locked, made_keys):
    key = made_keys["read"]
    body = locked.get(f"/v1/facts?limit=2&_key={key}").get_json()
    assert len(body["rows"]) == 2 and body["next_url"]
    assert locked.get(body["next_url"]).status_code == 200  # the next page's address carries the key too


def test_health_the_openapi_document_and_the_docs_stay_open(locked):
    for path in ("/healthz", "/readyz", "/v1/openapi.json"):
        assert locked.get(path).status_code == 200, path
    document = locked.get("/v1/openapi.json").get_json()
    assert document["components"]["securitySchemes"]["key"]["scheme"] == "bearer"
    assert "401" in document["paths"]["/v1/facts"]["get"]["responses"]


def test_pages_need_the_key_and_keep_it_in_their_links(locked, made_keys):
    html = {"Accept": "text/html"}
    assert locked.get("/", headers=html).status_code == 401
    key = made_keys["read"]
    text = locked.get(f"/?_key={key}&place=临县", headers=html).get_data(as_text=True)
    fact_links = re.findall(r'class="fact-link" href="([^"]+)"', text)
    assert fact_links and all(f"_key={key}" in link for link in fact_links)
    assert f'name="_key" value="{key}"' in text
    assert locked.get(fact_links[0].replace("&amp;", "&"), headers=html).status_code == 200


def test_embed_cards_open_only_when_the_operator_says_so(seeded_store, made_keys):
    closed = create_app({"DATABASE_URL": seeded_store, "TESTING": True, "AUTH": "keys"}).test_client()
    assert closed.get("/facts/1?embed=1").status_code == 401
    assert closed.get(f"/facts/1?embed=1&_key={made_keys['read']}").status_code == 200
    public = create_app({"DATABASE_URL": seeded_store, "TESTING": True, "AUTH": "keys",
                         "PUBLIC_EMBED": "1"}).test_client()
    assert public.get("/facts/1?embed=1").status_code == 200
    assert public.get("/facts/1").status_code == 401 and public.get("/v1/facts/1").status_code == 401


def test_revoked_and_expired_keys_are_401s(seeded_store, locked):
    revoked = make_key(seeded_store, f"revoked-{id(locked)}")
    assert locked.get("/v1/facts?limit=1", headers=bearer(revoked)).status_code == 200
    subprocess.run([BIN / "kaoju", "keys", "revoke", f"revoked-{id(locked)}", "--db", seeded_store], check=True,
                   capture_output=True)
    response = locked.get("/v1/facts?limit=1", headers=bearer(revoked))
    assert response.status_code == 401 and "revoked" in response.get_json()["detail"]
    expired = make_key(seeded_store, f"expired-{id(locked)}", "--expires", "2099-01-01")
    store.open_database(seeded_store)
    with store.db.connection_context():
        yesterday = (datetime.date.today() - datetime.timedelta(days=2)).isoformat()
        ApiKey.update(expires_on=yesterday).where(ApiKey.name == f"expired-{id(locked)}").execute()
    response = locked.get("/v1/facts?limit=1", headers=bearer(expired))
    assert response.status_code == 401 and "expired" in response.get_json()["detail"]


def test_the_store_keeps_no_key(seeded_store, made_keys):
    store.open_database(seeded_store)
    with store.db.connection_context():
        rows = [repr(row) for row in ApiKey.select().tuples()]
    for key in made_keys.values():
        secret = keys.parse(key)[1]
        assert not any(key in row or secret in row for row in rows)


def test_key_names_and_dates_are_checked_by_the_command(seeded_store):
    for options, message in ((["--name", "two words"], "--name"),
                             (["--name", "x", "--expires", "2001-01-01"], "passed"),
                             (["--name", "x", "--expires", "soon"], "YYYY-MM-DD"),
                             (["--name", "x", "--scope", "admin"], "--scope")):
        result = subprocess.run([BIN / "kaoju", "keys", "create", "--db", seeded_store, *options], capture_output=True,
                                text=True)
        assert result.returncode == 2 and message in result.stderr, (options, result.stderr)
    again = subprocess.run([BIN / "kaoju", "keys", "revoke", "nobody", "--db", seeded_store], capture_output=True,
                           text=True)
    assert again.returncode == 1 and "no key is named 'nobody'" in again.stderr


def test_a_bad_auth_mode_stops_the_app_with_a_clear_error(seeded_store):
    with pytest.raises(ValueError, match="KAOJU_AUTH='maybe': use off or keys"):
        create_app({"DATABASE_URL": seeded_store, "TESTING": True, "AUTH": "maybe"})
