"""The resource server's extra check for tokens of the embedded authorization server: a
revoked token (RFC 7009) stops working at once, not only when it expires."""

from __future__ import annotations

from application.oauth.issuance import TokenLedger
from domain.access import AccessClaims
from domain.errors import InvalidTokenError
from domain.ports.token_verifier import TokenVerifier


class RevocationCheckingVerifier:
    """A `TokenVerifier` that asks `inner` first, then refuses tokens from `issuer` whose `jti`
    the ledger no longer counts (revoked, or its grant revoked). Tokens of other issuers pass
    as `inner` decided."""

    def __init__(self, inner: TokenVerifier, ledger: TokenLedger, issuer: str) -> None:
        self._inner = inner
        self._ledger = ledger
        self._issuer = issuer

    async def verify(self, token: str) -> AccessClaims:
        claims = await self._inner.verify(token)
        if claims.issuer == self._issuer and not await self._ledger.access_token_active(claims.token_id):
            raise InvalidTokenError("token revoked at the authorization server")
        return claims
