"""`next` tokens are signed and checked in full: any token the server did not issue for this endpoint
and these filters is a 400 naming `next`, whatever it holds. Runs on both stores."""
import base64
import hashlib
import hmac
import json
import urllib.parse

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def unsigned(payload) -> str:
    """A token as a client would forge one: a payload and a made-up signature."""
    return b64(json.dumps(payload).encode()) + "." + b64(b"\0" * 16)


def signed_with(key: bytes, payload) -> str:
    body = json.dumps(payload).encode()
    return b64(body) + "." + b64(hmac.new(key, body, hashlib.sha256).digest()[:16])


def refused(client, url: str):
    response = client.get(url)
    assert response.status_code == 400, (url, response.status_code, response.data[:300])
    assert response.content_type == "application/problem+json"
    assert [e["parameter"] for e in response.get_json()["errors"]] == ["next"]


def issued(client, url: str) -> str:
    token = client.get(url).get_json()["next"]
    assert token
    return token


FORGED = [
    {"e": "api.list_facts", "k": [], "id": 2**70, "f": "x"},
    {"e": "api.list_facts", "k": [1e308], "id": 1, "f": "x"},
    {"e": "api.list_facts", "k": [{}], "id": 1, "f": "x"},
    {"e": "api.list_facts", "k": [[]], "id": [], "f": "x"},
    [],
    {},
    "text",
]


def test_forged_tokens_are_refused(client):
    for payload in FORGED:
        refused(client, "/v1/facts?sort=-value&next=" + urllib.parse.quote(unsigned(payload)))


def test_a_token_signed_with_another_key_is_refused(client):
    good = issued(client, "/v1/facts?limit=2")
    body = base64.urlsafe_b64decode(good.split(".")[0] + "==")
    refused(client, "/v1/facts?limit=2&next=" + signed_with(b"not the server's key", json.loads(body)))


def test_a_token_is_bound_to_its_endpoint_and_filters(client):
    places = issued(client, "/v1/places?limit=2")
    refused(client, f"/v1/facts?limit=2&next={places}")
    refused(client, f"/v1/articles?limit=2&next={places}")
    facts = issued(client, "/v1/facts?limit=2&sort=-value")
    refused(client, f"/v1/facts?limit=2&sort=value&next={facts}")
    assert client.get(f"/v1/facts?limit=5&sort=-value&next={facts}").status_code == 200


def test_every_edit_of_a_good_token_is_refused(client):
    good = issued(client, "/v1/facts?limit=2&sort=-value,year")
    for at in range(len(good)):
        for replacement in "A_.":
            edited = good[:at] + replacement + good[at + 1:]
            if edited != good:
                refused(client, "/v1/facts?limit=2&sort=-value,year&next=" + urllib.parse.quote(edited))
    refused(client, "/v1/facts?limit=2&sort=-value,year&next=" + good + good)
    refused(client, "/v1/facts?limit=2&sort=-value,year&next=" + "a" * 5000)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(token=st.text(min_size=1, max_size=300).filter(lambda t: t.strip() and not any(
    c in t for c in "\x00\r\n")))
def test_any_text_as_a_token_is_a_400_naming_next(client, token):
    for endpoint in ("/v1/facts?sort=-value,place&next=", "/v1/places?next=", "/v1/articles?next="):
        response = client.get(endpoint + urllib.parse.quote(token))
        assert response.status_code == 400, (token, response.data[:300])
        assert any(e["parameter"] == "next" for e in response.get_json()["errors"])
