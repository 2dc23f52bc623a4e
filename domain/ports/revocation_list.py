from __future__ import annotations

from typing import Protocol


class RevocationList(Protocol):
    """Access tokens refused before their expiry: the authorization server writes, every
    resource server on the same store checks each request, whatever verifies the signature.

    Contract:
    - `revoke_token(token_id, ttl_seconds)`: the token whose `jti` is `token_id` is refused
      for `ttl_seconds` (its remaining lifetime, leeway included; after it, it is expired).
    - `revoke_grant(grant_id, ttl_seconds)`: every token carrying `sid` = `grant_id` (one
      sign-in's token family) is refused for `ttl_seconds`.
    - `is_revoked(token_id, grant_id)`: True when either is on the list; None ids are never on
      it. One store round trip, however many ids.
    - A revocation is never undone; a `ttl_seconds` <= 0 stores nothing.
    - Unreachable storage raises `StorageUnavailableError`.
    It does not promise: that entries disappear at the exact second of their TTL.
    """

    async def revoke_token(self, token_id: str, ttl_seconds: int) -> None: ...

    async def revoke_grant(self, grant_id: str, ttl_seconds: int) -> None: ...

    async def is_revoked(self, token_id: str | None, grant_id: str | None) -> bool: ...
