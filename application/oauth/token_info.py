"""Introspection (RFC 7662), revocation (RFC 7009) and userinfo: what a presented token is."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from application.oauth.clients import ClientCredentials, ClientDirectory
from application.oauth.config import ServerConfig
from application.oauth.issuance import TokenLedger
from application.oauth.requests import Params, required, scope_text
from application.oauth.secrets import digest
from domain.errors import InvalidTokenError
from domain.oauth.errors import InvalidClientError
from domain.oauth.model import OAuthClient, RefreshClaim
from domain.ports.clock import Clock
from domain.ports.oauth_state_store import OAuthStateStore
from domain.ports.token_signer import TokenSigner

INACTIVE: dict[str, Any] = {"active": False}
ACCESS_CLAIMS = ("scope", "client_id", "sub", "aud", "iss", "exp", "iat", "jti", "sid", "tenant_id",
                 "organization_id")


@dataclass(frozen=True)
class TokenFacts:
    """Our own tokens, recognised: an access token's verified claims, or a refresh token."""

    access: dict[str, Any] | None = None
    refresh: RefreshClaim | None = None


class TokenReader:
    def __init__(self, store: OAuthStateStore, signer: TokenSigner, ledger: TokenLedger, clock: Clock,
                 config: ServerConfig) -> None:
        self._store = store
        self._signer = signer
        self._ledger = ledger
        self._clock = clock
        self._config = config

    async def read(self, token: str) -> TokenFacts:
        """What `token` is while it is still good; empty facts for anything else. Both kinds are
        tried whatever `token_type_hint` says (RFC 7662 §2.1, RFC 7009 §2.1: a hint only)."""
        if token.count(".") == 2:
            claims = await self._signer.verify(token)
            if claims and claims.get("iss") == self._config.issuer and await self._ledger.access_token_active(
                    claims.get("jti")):
                return TokenFacts(access=claims)
            return TokenFacts()
        claim = await self._store.load_refresh(digest(token))
        if (claim is None or claim.already_used or self._clock.now() >= claim.token.expires_at
                or await self._store.grant_revoked(claim.token.grant.grant_id)):
            return TokenFacts()
        return TokenFacts(refresh=claim)


class Introspect:
    """RFC 7662 §2.1: callers authenticate as confidential clients (a resource server registers
    as one), so the endpoint cannot be used to scan for tokens anonymously (§4)."""

    def __init__(self, clients: ClientDirectory, reader: TokenReader) -> None:
        self._clients = clients
        self._reader = reader

    async def __call__(self, params: Params, credentials: ClientCredentials | None) -> dict[str, Any]:
        caller = await _authenticated(self._clients, credentials)
        if not caller.confidential:
            raise InvalidClientError("Introspection needs a confidential client (RFC 7662 §2.1).")
        facts = await self._reader.read(required(params, "token"))
        if facts.access is not None:
            claims = {name: facts.access[name] for name in ACCESS_CLAIMS if name in facts.access}
            return {"active": True, "token_type": "Bearer", **claims}
        if facts.refresh is not None:
            grant, token = facts.refresh.token.grant, facts.refresh.token
            return {"active": True, "token_type": "refresh_token", "client_id": grant.client_id,
                    "sub": grant.subject, "scope": scope_text(grant.scopes), "aud": grant.resource,
                    "iat": int(token.issued_at.timestamp()), "exp": int(token.expires_at.timestamp())}
        return INACTIVE  # RFC 7662 §2.2: nothing more is said about an inactive token


class Revoke:
    """RFC 7009 §2.1: the client authenticates (a public one by its client_id); a token of
    another client is left alone; revoking a refresh token revokes its grant, and with it the
    grant's access tokens. The answer is the same either way (§2.2: 200 even if unknown)."""

    def __init__(self, clients: ClientDirectory, reader: TokenReader, ledger: TokenLedger) -> None:
        self._clients = clients
        self._reader = reader
        self._ledger = ledger

    async def __call__(self, params: Params, credentials: ClientCredentials | None) -> None:
        client = await _authenticated(self._clients, credentials)
        facts = await self._reader.read(required(params, "token"))
        if facts.access is not None and facts.access.get("client_id") == client.client_id:
            await self._ledger.revoke_access_token(str(facts.access["jti"]), facts.access.get("exp"))
        if facts.refresh is not None and facts.refresh.token.grant.client_id == client.client_id:
            await self._ledger.revoke_grant(facts.refresh.token.grant.grant_id)


class UserInfo:
    """Who an access token of ours speaks for: the Gauzy ids of the person who signed in."""

    def __init__(self, store: OAuthStateStore, reader: TokenReader) -> None:
        self._store = store
        self._reader = reader

    async def __call__(self, token: str) -> dict[str, Any]:
        facts = await self._reader.read(token)
        if facts.access is None:
            raise InvalidTokenError("not an active access token of this server")
        subject = str(facts.access["sub"])
        person = await self._store.load_person(subject)
        if person is None:  # a client_credentials token: the subject is the client
            return {"sub": subject}
        return {"sub": subject, "email": person.email, "tenant_id": person.tenant_id,
                "organization_id": person.organization_id, "employee_id": person.employee_id}


async def _authenticated(clients: ClientDirectory, credentials: ClientCredentials | None) -> OAuthClient:
    if credentials is None:
        raise InvalidClientError("Authenticate the client (RFC 6749 §2.3).")
    return await clients.authenticate(credentials)
