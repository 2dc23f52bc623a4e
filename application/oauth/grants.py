"""The authorization_code and refresh_token grants (RFC 6749 §4.1.3, §6)."""

from __future__ import annotations

from typing import Any

from application.oauth.config import ServerConfig
from application.oauth.issuance import TokenLedger, TokenMinter
from application.oauth.pkce import verifier_matches
from application.oauth.requests import Params, checked_resource, checked_scopes, required, single
from application.oauth.secrets import digest
from domain.oauth.errors import InvalidGrantError
from domain.oauth.model import AuthorizationCode, OAuthClient, RefreshClaim
from domain.ports.clock import Clock
from domain.ports.oauth_state_store import OAuthStateStore


class ExchangeCode:
    def __init__(self, store: OAuthStateStore, minter: TokenMinter, ledger: TokenLedger, clock: Clock,
                 config: ServerConfig) -> None:
        self._store = store
        self._minter = minter
        self._ledger = ledger
        self._clock = clock
        self._config = config

    async def __call__(self, client: OAuthClient, params: Params) -> dict[str, Any]:
        code_digest = digest(required(params, "code"))
        code = await self._store.take_code(code_digest)  # atomic: one redemption wins (RFC 9700 §4.2.4)
        if code is None:
            await self._revoke_on_replay(code_digest)
            raise InvalidGrantError("The code is invalid, expired or already used.")
        self._check_binding(code, client, params)
        # RFC 8707 §2.2: the resource may be repeated at the token endpoint, and must be the same.
        checked_resource(params, self._config, default=code.grant.resource)
        refresh = "refresh_token" in client.grant_types
        return await self._minter.response(code.grant, code.grant.scopes, refresh=refresh)

    async def _revoke_on_replay(self, code_digest: str) -> None:
        # RFC 6749 §4.1.2 and §10.5: a code used twice revokes the tokens it produced.
        grant_id = await self._store.code_grant(code_digest)
        if grant_id is not None:
            await self._ledger.revoke_grant(grant_id)

    def _check_binding(self, code: AuthorizationCode, client: OAuthClient, params: Params) -> None:
        if self._clock.now() >= code.expires_at:
            raise InvalidGrantError("The code has expired.")  # RFC 6749 §4.1.2: short-lived
        if code.grant.client_id != client.client_id:  # RFC 6749 §4.1.3: issued to this client
            raise InvalidGrantError("The code was issued to another client.")
        if single(params, "redirect_uri") != code.redirect_uri:  # RFC 6749 §4.1.3: identical
            raise InvalidGrantError("redirect_uri differs from the authorization request's.")
        if not verifier_matches(single(params, "code_verifier"), code.code_challenge):  # RFC 7636 §4.6
            raise InvalidGrantError("code_verifier is missing, malformed or does not match the code_challenge.")


class RefreshGrant:
    """Rotation (RFC 9700 §4.14.2): every use returns a new refresh token and retires the old
    one; presenting a retired one revokes the whole family. Scope can only narrow (RFC 6749 §6);
    the family keeps its original scope."""

    def __init__(self, store: OAuthStateStore, minter: TokenMinter, ledger: TokenLedger, clock: Clock,
                 config: ServerConfig) -> None:
        self._store = store
        self._minter = minter
        self._ledger = ledger
        self._clock = clock
        self._config = config

    async def __call__(self, client: OAuthClient, params: Params) -> dict[str, Any]:
        claim = await self._store.claim_refresh(digest(required(params, "refresh_token")))
        if claim is None:
            raise InvalidGrantError("The refresh token is invalid or expired.")
        grant = claim.token.grant
        await self._check(claim, client)
        checked_resource(params, self._config, default=grant.resource)  # RFC 8707 §2.2
        scopes = checked_scopes(single(params, "scope"), grant.scopes, grant.scopes)
        return await self._minter.response(grant, scopes, refresh=True)

    async def _check(self, claim: RefreshClaim, client: OAuthClient) -> None:
        grant = claim.token.grant
        if claim.already_used:
            await self._ledger.revoke_grant(grant.grant_id)  # RFC 9700 §4.14.2: replay kills the family
            raise InvalidGrantError("The refresh token was already used; this sign-in has been revoked.")
        if await self._store.grant_revoked(grant.grant_id):
            raise InvalidGrantError("The refresh token was revoked.")
        if self._clock.now() >= claim.token.expires_at:
            raise InvalidGrantError("The refresh token expired after a period without use.")
        if grant.client_id != client.client_id:  # RFC 6749 §6: bound to the client it was issued to
            raise InvalidGrantError("The refresh token was issued to another client.")
