"""The resource server's revocation check: a token the authorization server revoked (RFC 7009,
a refresh-token replay, a code replay) stops working at once, not only when it expires,
whatever verified its signature (JWKS, a public key, introspection)."""

from __future__ import annotations

from domain.access import AccessClaims
from domain.errors import InvalidTokenError, StorageUnavailableError, UpstreamUnavailableError
from domain.ports.revocation_list import RevocationList
from domain.ports.token_verifier import TokenVerifier


class RevocationCheckingVerifier:
    """A `TokenVerifier` that asks `inner` first, then refuses a token whose `jti` or whose
    sign-in (`sid`) is on the revocation list: one store round trip per request, no cache, so
    a revoked token is refused from the next request on. A list that cannot be read refuses
    the request as "retry shortly" (fail closed)."""

    def __init__(self, inner: TokenVerifier, revocations: RevocationList) -> None:
        self._inner = inner
        self._revocations = revocations

    async def verify(self, token: str) -> AccessClaims:
        claims = await self._inner.verify(token)
        try:
            revoked = await self._revocations.is_revoked(claims.token_id, claims.grant_id)
        except StorageUnavailableError as error:
            raise UpstreamUnavailableError("Revoked tokens cannot be checked right now.",
                                           hint="Retry shortly.") from error
        if revoked:
            raise InvalidTokenError("token revoked at the authorization server")
        return claims
