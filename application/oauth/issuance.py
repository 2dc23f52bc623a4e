"""Minting access and refresh tokens for a grant, and knowing which access tokens still count."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from application.oauth.config import ServerConfig
from application.oauth.requests import scope_text
from application.oauth.secrets import digest, new_id, new_secret
from domain.oauth.model import GrantScope, RefreshToken
from domain.ports.clock import Clock
from domain.ports.oauth_state_store import OAuthStateStore
from domain.ports.revocation_list import RevocationList
from domain.ports.token_signer import TokenSigner

# Resource servers accept a token up to this long past its `exp` (clock skew): a revocation
# outlives the token by as much.
VERIFIER_LEEWAY_SECONDS = 60


class TokenLedger:
    """Which issued tokens are still good: an access token counts while its `jti` is recorded
    and its grant is not revoked, so revoking a grant (a refresh-token family) kills its access
    tokens too (RFC 7009 §2.1, RFC 9700 §4.14.2).

    Every revocation also goes on the `RevocationList`, for as long as the tokens it kills
    could still be presented, so resource servers that verify tokens on their own (JWKS, a
    public key, a cached introspection answer) refuse them from the next request on."""

    def __init__(self, store: OAuthStateStore, config: ServerConfig, revocations: RevocationList,
                 clock: Clock) -> None:
        self._store = store
        self._config = config
        self._revocations = revocations
        self._clock = clock

    async def access_token_active(self, jti: Any) -> bool:
        if not isinstance(jti, str) or not jti:
            return False
        grant_id = await self._store.access_token_grant(jti)
        return grant_id is not None and not await self._store.grant_revoked(grant_id)

    async def revoke_grant(self, grant_id: str) -> None:
        # Kept as long as any token of the grant could still be presented.
        ttl = max(self._config.refresh_token_idle_ttl, self._config.access_token_ttl)
        await self._store.revoke_grant(grant_id, ttl)
        # Any access token of the grant was minted before now, so it expires within one lifetime.
        await self._revocations.revoke_grant(grant_id, self._config.access_token_ttl + VERIFIER_LEEWAY_SECONDS)

    async def revoke_access_token(self, jti: str, expires_at: Any) -> None:
        """`expires_at`: the token's `exp` (seconds since the epoch)."""
        await self._store.forget_access_token(jti)
        remaining = int(expires_at) - int(self._clock.now().timestamp()) if isinstance(expires_at, int) else 0
        await self._revocations.revoke_token(jti, max(remaining, 0) + VERIFIER_LEEWAY_SECONDS)


class TokenMinter:
    """Access tokens are RFC 9068 JWTs signed through the `TokenSigner` port: `aud` is the one
    resource of the grant (RFC 8707 §2), `exp` `access_token_ttl` away (15 min by default),
    a unique `jti`. Refresh tokens are 256 random bits, stored as digests with an idle expiry."""

    def __init__(self, store: OAuthStateStore, signer: TokenSigner, clock: Clock, config: ServerConfig) -> None:
        self._store = store
        self._signer = signer
        self._clock = clock
        self._config = config

    async def access_token(self, grant: GrantScope, scopes: frozenset[str]) -> str:
        now = int(self._clock.now().timestamp())
        jti = new_id()
        claims: dict[str, Any] = {
            "iss": self._config.issuer, "sub": grant.subject, "aud": grant.resource,
            "exp": now + self._config.access_token_ttl, "iat": now, "jti": jti,
            "scope": scope_text(scopes), "client_id": grant.client_id,
            "sid": grant.grant_id,  # the sign-in (token family) it belongs to: revoked together
        }
        if grant.tenant_id:
            claims["tenant_id"] = grant.tenant_id
        if grant.organization_id:
            claims["organization_id"] = grant.organization_id
        token = await self._signer.sign(claims)
        await self._store.put_access_token(jti, grant.grant_id, self._config.access_token_ttl)
        return token

    async def refresh_token(self, grant: GrantScope) -> str:
        token = new_secret()
        now = self._clock.now()
        ttl = self._config.refresh_token_idle_ttl
        record = RefreshToken(grant=grant, issued_at=now, expires_at=now + timedelta(seconds=ttl))
        await self._store.put_refresh(digest(token), record, ttl)
        return token

    async def response(self, grant: GrantScope, scopes: frozenset[str], *, refresh: bool) -> dict[str, Any]:
        """The RFC 6749 §5.1 success body."""
        body: dict[str, Any] = {
            "access_token": await self.access_token(grant, scopes),
            "token_type": "Bearer",
            "expires_in": self._config.access_token_ttl,
            "scope": scope_text(scopes),
        }
        if refresh:
            body["refresh_token"] = await self.refresh_token(grant)
        return body
