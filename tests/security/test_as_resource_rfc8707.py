"""Resource indicators — SECURITY.md item 17 (RFC 8707 §2, §2.2; MCP "Resource Parameter Implementation")."""

from __future__ import annotations

import pytest

from domain.oauth.errors import OAuthError, RedirectedError
from tests.security.as_harness import RESOURCE, harness

pytestmark = pytest.mark.anyio


@pytest.mark.parametrize("resource", [
    None,  # missing
    "mcp.example.test/mcp",  # not absolute
    "/mcp",
    RESOURCE + "#frag",  # fragment
    RESOURCE + "/",  # not byte-equal
    "https://MCP.example.test/mcp",
    "https://mcp.example.test:443/mcp",
    "https://other.example.test/mcp",  # another resource
    [RESOURCE, "https://other.example.test/mcp"],  # several
])
async def test_authorize_refuses_any_resource_but_ours(resource: object) -> None:
    """Item 17: an absolute URI without fragment, equal to our canonical URL, else `invalid_target` (RFC 8707 §2)."""
    h = harness()
    client = await h.register()
    with pytest.raises(RedirectedError) as refused:
        await h.server.validate(h.authorize_params(client["client_id"], resource=resource))  # type: ignore[arg-type]
    assert refused.value.error == "invalid_target"


@pytest.mark.parametrize("resource", ["https://other.example.test/mcp", RESOURCE + "/"])
async def test_token_request_must_repeat_the_same_resource(resource: str) -> None:
    """Item 17: the same resource at authorize and token time, else `invalid_target` (RFC 8707 §2.2)."""
    h = harness()
    client = await h.register()
    code, _ = await h.code_for(client["client_id"])
    with pytest.raises(OAuthError) as refused:
        await h.exchange(client, code, resource=resource)
    assert refused.value.error == "invalid_target"


async def test_refresh_cannot_switch_resource() -> None:
    """Item 17 / 18: the refresh token is bound to its resource (RFC 8707 §2.2; RFC 9700 §2.2.2)."""
    h = harness()
    client, tokens = await h.tokens()
    with pytest.raises(OAuthError) as refused:
        await h.refresh(client, tokens["refresh_token"], resource="https://other.example.test/mcp")
    assert refused.value.error == "invalid_target"


async def test_the_issued_token_audience_is_the_resource() -> None:
    """Item 17: the token's `aud` equals the resource, as a single string (RFC 8707 §2; RFC 9068 §3)."""
    h = harness()
    _, tokens = await h.tokens()
    claims = await h.signer.verify(tokens["access_token"])
    assert claims is not None and claims["aud"] == RESOURCE


async def test_omitting_resource_at_the_token_endpoint_keeps_the_authorized_one() -> None:
    """Item 17: the token request may omit it; the code's resource is used (RFC 8707 §2.2)."""
    h = harness()
    client = await h.register()
    code, _ = await h.code_for(client["client_id"])
    tokens = await h.exchange(client, code, resource=None)
    claims = await h.signer.verify(tokens["access_token"])
    assert claims is not None and claims["aud"] == RESOURCE
