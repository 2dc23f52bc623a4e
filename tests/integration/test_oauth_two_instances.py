"""Two instances of the embedded authorization server sharing one Redis, as behind a load
balancer (issue 7 acceptance): a code issued by one is redeemed on the other; a refresh-token
replay on one revokes the family on both; keys, clients and revocations are shared."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.e2e.oauth_flow import McpOverHttp, authorize_url, consent_by_form, pkce_pair, register, token
from tests.remote import RedisProcess, ServerProcess

pytestmark = [pytest.mark.integration]
REDIRECT = "http://127.0.0.1:8765/callback"


@pytest.fixture(scope="module")
def pair(redis_server: RedisProcess, gauzy_double: Any) -> Iterator[tuple[ServerProcess, ServerProcess]]:
    first = ServerProcess("http")
    issuer = first.url  # one deployment: one issuer and one resource, whichever instance answers
    env = {"REDIS_URL": redis_server.url(5), "MCP_SESSION_SECRET": "shared-secret", "API_BASE_URL":
           gauzy_double.base_url, "MCP_AUTH_ENABLED": "true", "MCP_AUTH_ALLOW_EMBEDDED_SERVER": "true",
           "MCP_AUTH_ISSUER": issuer, "MCP_AUTH_RESOURCE": issuer + "/mcp", "THROTTLE_ENABLED": "false"}
    first.env.update(env)
    second = ServerProcess("http", **env)
    first.launch(), second.launch()
    try:
        yield first.wait_ready(), second.wait_ready()
    finally:
        assert first.stop() == 0, first.logs()
        assert second.stop() == 0, second.logs()


def tokens_via(pair: tuple[ServerProcess, ServerProcess]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Register and consent on the first instance; redeem the code on the second."""
    first, second = pair
    client = register(first.url, REDIRECT)
    verifier, challenge = pkce_pair()
    answer = consent_by_form(first.url, authorize_url(first.url, client["client_id"], REDIRECT, challenge,
                                                      first.url + "/mcp", "two"))
    assert answer["iss"] == [first.url] and answer["state"] == ["two"]
    form = {"grant_type": "authorization_code", "code": answer["code"][0], "client_id": client["client_id"],
            "redirect_uri": REDIRECT, "code_verifier": verifier}
    redeemed = token(second.url, **form)
    assert redeemed.status_code == 200, redeemed.text
    again = token(first.url, **form)  # RFC 9700 §4.2.4: once, across instances
    assert again.status_code == 400 and again.json()["error"] == "invalid_grant"
    return client, redeemed.json()


def test_a_code_issued_by_one_is_redeemed_on_the_other_once(pair) -> None:
    """Item 16 across instances: the code (GETDEL in Redis) works on either instance, once; the
    replay on the first revoked what the second issued."""
    client, tokens = tokens_via(pair)
    refused = token(pair[0].url, grant_type="refresh_token", refresh_token=tokens["refresh_token"],
                    client_id=client["client_id"])
    assert refused.json()["error"] == "invalid_grant"


def test_a_refresh_replay_on_one_revokes_the_family_on_both(pair) -> None:
    """Item 18 across instances: rotate on the first, replay the old token on the second → the
    family is gone everywhere, and its access tokens stop working at /mcp on both."""
    first, second = pair
    client, _ = tokens_via(pair)
    # tokens_via already spent the code twice: start a clean family for this test
    verifier, challenge = pkce_pair()
    answer = consent_by_form(first.url, authorize_url(first.url, client["client_id"], REDIRECT, challenge,
                                                      first.url + "/mcp", "fam"))
    tokens = token(second.url, grant_type="authorization_code", code=answer["code"][0],
                   client_id=client["client_id"], redirect_uri=REDIRECT, code_verifier=verifier).json()
    rotated = token(first.url, grant_type="refresh_token", refresh_token=tokens["refresh_token"],
                    client_id=client["client_id"]).json()
    for instance in pair:
        mcp = McpOverHttp(instance.url, rotated["access_token"])
        try:
            assert mcp.start().status_code == 200 and mcp.tool("get_projects")["items"]
        finally:
            mcp.close()
    replay = token(second.url, grant_type="refresh_token", refresh_token=tokens["refresh_token"],
                   client_id=client["client_id"])
    assert replay.json()["error"] == "invalid_grant"
    newest = token(first.url, grant_type="refresh_token", refresh_token=rotated["refresh_token"],
                   client_id=client["client_id"])
    assert newest.json()["error"] == "invalid_grant"
    for instance in pair:
        mcp = McpOverHttp(instance.url, rotated["access_token"])
        assert mcp.start().status_code == 401
        mcp.close()


def test_both_publish_the_same_keys(pair) -> None:
    """Issue 7 "Keys": the signing keys live in Redis, generated once for both instances."""
    import httpx

    first, second = (httpx.get(p.url + "/.well-known/jwks.json").json() for p in pair)
    assert first == second and first["keys"]
