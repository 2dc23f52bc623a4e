"""The token endpoint's grants and errors at the use-case level — SECURITY.md item 19
(RFC 6749 §5.1, §5.2; RFC 9700 §2.1.2, §2.4). Headers (`Cache-Control: no-store`) and the JSON
error bodies on the wire are checked in test_as_endpoints_http.py."""

from __future__ import annotations

import pytest

from application.oauth.clients import ClientCredentials
from domain.oauth.errors import InvalidClientError, OAuthError, RedirectedError
from tests.security.as_harness import harness

pytestmark = pytest.mark.anyio
RFC6749_ERRORS = {"invalid_request", "invalid_client", "invalid_grant", "unauthorized_client",
                  "unsupported_grant_type", "invalid_scope", "invalid_target"}  # §5.2 + RFC 8707 §2


@pytest.mark.parametrize("grant_type", ["password", "implicit", "token", "urn:ietf:params:oauth:grant-type:jwt-bearer",
                                        "AUTHORIZATION_CODE"])
async def test_unsupported_grants_are_refused(grant_type: str) -> None:
    """Item 19: `password`, implicit and anything unknown → `unsupported_grant_type` (RFC 9700 §2.4, §2.1.2)."""
    h = harness()
    client = await h.register()
    with pytest.raises(OAuthError) as refused:
        await h.token(client, grant_type=grant_type, username="admin@ever.co", password="admin")
    assert refused.value.error == "unsupported_grant_type"


async def test_client_credentials_for_a_public_client_is_unsupported() -> None:
    """Item 19: client_credentials for a public client → `unsupported_grant_type` (RFC 6749 §4.4)."""
    h = harness()
    client = await h.register()
    with pytest.raises(OAuthError) as refused:
        await h.token(client, grant_type="client_credentials")
    assert refused.value.error == "unsupported_grant_type"


async def test_client_credentials_for_a_confidential_client() -> None:
    """Item 19 baseline: a confidential client registered for it gets a token for itself,
    without a refresh token (RFC 6749 §4.4.3; RFC 9068 §2.2 `sub` = client)."""
    h = harness()
    client = await h.register(grant_types=["client_credentials"], redirect_uris=[],
                              token_endpoint_auth_method="client_secret_basic")
    tokens = await h.token(client, grant_type="client_credentials", scope="mcp.read")
    claims = await h.signer.verify(tokens["access_token"])
    assert claims is not None and claims["sub"] == client["client_id"] == claims["client_id"]
    assert "refresh_token" not in tokens and tokens["token_type"] == "Bearer"


@pytest.mark.parametrize(("secret", "method"), [("wrong", "client_secret_basic"), (None, "none"),
                                                ("RIGHT", "client_secret_post")])
async def test_a_confidential_client_must_authenticate_as_registered(secret: str | None, method: str) -> None:
    """Item 19: wrong secret, no secret, or another auth method → `invalid_client` (401) (RFC 6749 §5.2, §2.3.1)."""
    h = harness()
    client = await h.register(grant_types=["client_credentials"], redirect_uris=[],
                              token_endpoint_auth_method="client_secret_basic")
    presented = client["client_secret"] if secret == "RIGHT" else secret
    with pytest.raises(InvalidClientError) as refused:
        await h.server.token({"grant_type": ["client_credentials"]},
                             ClientCredentials(client["client_id"], presented, method))
    assert refused.value.status == 401


async def test_an_unknown_client_is_invalid_client() -> None:
    """Item 19: → `invalid_client` (RFC 6749 §5.2)."""
    h = harness()
    with pytest.raises(InvalidClientError):
        await h.token("nobody", grant_type="authorization_code", code="x")


async def test_a_public_client_sending_a_secret_is_refused() -> None:
    """Item 19: a public client has no secret to send (RFC 6749 §2.3, RFC 7591 §2 `none`)."""
    h = harness()
    client = await h.register()
    with pytest.raises(InvalidClientError):
        await h.token(client["client_id"], secret="guess", method="client_secret_post",
                      grant_type="authorization_code", code="x")


async def test_missing_grant_type_or_duplicated_parameter_is_invalid_request() -> None:
    """Item 19: `invalid_request` (RFC 6749 §5.2; §3.2: parameters at most once)."""
    h = harness()
    client = await h.register()
    with pytest.raises(OAuthError) as missing:
        await h.token(client, code="x")
    with pytest.raises(OAuthError) as doubled:
        await h.token(client, grant_type=["authorization_code", "authorization_code"])
    assert missing.value.error == doubled.value.error == "invalid_request"


async def test_response_type_token_is_unsupported_response_type() -> None:
    """Item 19: `response_type=token` → `unsupported_response_type` (RFC 9700 §2.1.2; RFC 6749 §4.1.2.1)."""
    h = harness()
    client = await h.register()
    with pytest.raises(RedirectedError) as refused:
        await h.server.validate(h.authorize_params(client["client_id"], response_type="token"))
    assert refused.value.error == "unsupported_response_type"


async def test_every_token_error_code_is_from_the_registered_set() -> None:
    """Item 19: errors come from the §5.2 set (plus RFC 8707's `invalid_target`)."""
    h = harness()
    client, tokens = await h.tokens()
    attempts = [{"grant_type": "password"}, {"grant_type": "refresh_token", "refresh_token": "x"},
                {"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"], "scope": "mcp.admin"},
                {"grant_type": "authorization_code"}, {"grant_type": "client_credentials"}]
    for form in attempts:
        with pytest.raises(OAuthError) as refused:
            await h.token(client, **form)
        assert refused.value.error in RFC6749_ERRORS


async def test_success_body_is_rfc6749_section_5_1() -> None:
    """Item 19 baseline: access_token, token_type Bearer, expires_in, scope, refresh_token (RFC 6749 §5.1)."""
    _, tokens = await harness().tokens()
    assert set(tokens) == {"access_token", "token_type", "expires_in", "scope", "refresh_token"}
    assert tokens["token_type"] == "Bearer" and tokens["expires_in"] == 900
