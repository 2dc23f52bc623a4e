from __future__ import annotations

from typing import Protocol

from domain.access import AccessClaims


class TokenVerifier(Protocol):
    """Decides whether a bearer access token may be used at this resource server.

    Contract:
    - `verify` returns the token's claims only when the token is authentic (signature or
      introspection), current (`exp`, `nbf`, `iat` within a small leeway), from the configured
      issuer, and issued for exactly this resource (`aud`).
    - Every other token raises `InvalidTokenError`; its `reason` says why for the log and is
      never shown to the client.
    - When the keys or the introspection endpoint cannot be reached and nothing usable is
      cached, it raises `UpstreamUnavailableError` (the token may be fine: the client should retry).
    It does not promise: scope checks (the caller decides what the scopes allow), or noticing a
    revocation sooner than its cache lifetime (introspection) or the token's expiry (JWT).
    """

    async def verify(self, token: str) -> AccessClaims: ...
